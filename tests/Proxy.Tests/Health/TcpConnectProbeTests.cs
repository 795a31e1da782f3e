using System.Net;
using System.Net.Sockets;
using Proxy.Health;

namespace Proxy.Tests.Health;

public class TcpConnectProbeTests
{
    private static TcpConnectProbe Probe(int port)
        => new(new CheckConnector(new IPEndPoint(IPAddress.Loopback, port), CheckTimeouts.For(TimeSpan.FromSeconds(2), null, null), TimeProvider.System));

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
