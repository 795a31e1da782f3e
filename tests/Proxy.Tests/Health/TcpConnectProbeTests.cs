using System.Net;
using System.Net.Sockets;
using Proxy.Health;

namespace Proxy.Tests.Health;

public class TcpConnectProbeTests
{
    private static TcpConnectProbe Probe(int port)
        => new(new CheckConnector(new IPEndPoint(IPAddress.Loopback, port), CheckTimeouts.For(TimeSpan.FromSeconds(2), null, null), TimeProvider.System));

    // check-ssl with `verify none` (haproxy 2.6 reasons captured from 2.6.12 against a plain and a silent listener).
    private static TcpConnectProbe TlsProbe(int port, string verify = "verify none", int interMs = 2000)
    {
        var backend = HealthRuntime.Backend($"backend be\n server s1 127.0.0.1:{port} check-ssl {verify} check\n").Definition;
        var endpoint = new IPEndPoint(IPAddress.Loopback, port);
        var tls = CheckTls.Options(backend, backend.Servers[0], endpoint, new());
        return new(new CheckConnector(endpoint, CheckTimeouts.For(TimeSpan.FromMilliseconds(interMs), null, null), TimeProvider.System, tls));
    }

    [Fact]
    public async Task RunAsync_CheckSslHandshakeDone_IsL6Ok()
    {
        using var server = TlsTestServer.Tls();

        var result = await TlsProbe(server.Port).RunAsync(CancellationToken.None);

        Assert.Equal(CheckStatus.L6Ok, result.Status);
    }

    [Fact]
    public async Task RunAsync_CheckSslPlainServer_IsL6RspHandshakeFailure()
    {
        using var server = TlsTestServer.Plain();

        var result = await TlsProbe(server.Port).RunAsync(CancellationToken.None);

        Assert.Equal((CheckStatus.L6Rsp, "SSL handshake failure"), (result.Status, result.Info));
    }

    [Fact]
    public async Task RunAsync_CheckSslUntrustedCertificate_IsL6RspHandshakeFailure()
    {
        using var server = TlsTestServer.Tls();

        var result = await TlsProbe(server.Port, verify: "verify required ca-file /dev/null").RunAsync(CancellationToken.None);

        Assert.Equal((CheckStatus.L6Rsp, "SSL handshake failure"), (result.Status, result.Info));
    }

    [Fact]
    public async Task RunAsync_CheckSslSilentServer_IsL6Tout()
    {
        using var server = TlsTestServer.Silent();

        var result = await TlsProbe(server.Port, interMs: 300).RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((CheckStatus.L6Tout, (string?)null), (result.Status, result.Info));
    }

    [Fact]
    public async Task RunAsync_Listening_IsL4Ok()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        var result = await Probe(((IPEndPoint)listener.LocalEndpoint).Port).RunAsync(CancellationToken.None);

        Assert.Equal((CheckStatus.L4Ok, (string?)null), (result.Status, result.Info));
    }

    [Fact]
    public async Task RunAsync_Refused_IsL4ConWithStrerrorText()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await Probe(port).RunAsync(CancellationToken.None);

        Assert.Equal((CheckStatus.L4Con, "Connection refused"), (result.Status, result.Info));
    }

    [Fact]
    public async Task RunAsync_RefusedAndDeadlineAlreadyPassed_IsL4ConNotTimeout()
    {
        // A busy machine: the deadline fires before the refusal's completion is seen; haproxy reads SO_ERROR first.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var connector = new CheckConnector(new IPEndPoint(IPAddress.Loopback, port), new CheckTimeouts(TimeSpan.Zero, TimeSpan.Zero, true), TimeProvider.System);

        var result = await new TcpConnectProbe(connector).RunAsync(CancellationToken.None);

        Assert.Equal((CheckStatus.L4Con, "Connection refused"), (result.Status, result.Info));
    }
}
