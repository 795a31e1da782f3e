using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Proxy.Http;
using Proxy.Tests.Support;
using Proxy.Tls;

namespace Proxy.Tests.Tls;

public sealed class ServerTlsConnectorTests : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public ServerTlsConnectorTests() => _listener.Start();

    private DnsEndPoint Endpoint => new("127.0.0.1", ((IPEndPoint)_listener.LocalEndpoint).Port);

    private ServerTlsConnector Connector(int? port) => new([("127.0.0.1", port, new SslClientAuthenticationOptions
    {
        TargetHost = "",
        RemoteCertificateValidationCallback = (_, _, _, _) => true,
    })]);

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task ConnectAsync_ServerSilentDuringHandshake_TimesOutAsAConnect()
    {
        var time = new FakeTimeProvider();
        var tls = Connector(Endpoint.Port);
        var connector = new UpstreamConnector((endpoint, token) => tls.ConnectAsync(UpstreamConnector.ConnectTcpAsync(endpoint, token), endpoint, token),
            TimeSpan.FromSeconds(5), time);

        var attempt = connector.ConnectAsync(Endpoint, default).AsTask();
        using var peer = await _listener.AcceptSocketAsync();
        time.Advance(TimeSpan.FromSeconds(5));

        var failure = await Assert.ThrowsAsync<UpstreamConnectException>(() => attempt);
        Assert.True(failure.TimedOut);
    }

    [Fact]
    public async Task ConnectAsync_PeerNotSpeakingTls_IsAFailedConnect()
    {
        var tls = Connector(port: null);

        var attempt = tls.ConnectAsync(UpstreamConnector.ConnectTcpAsync(Endpoint, default), Endpoint, default).AsTask();
        using (var peer = await _listener.AcceptSocketAsync())
        {
            await peer.SendAsync("HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray());
        }

        var failure = await Assert.ThrowsAsync<UpstreamConnectException>(() => attempt);
        Assert.False(failure.TimedOut);
    }

    [Fact]
    public async Task ConnectAsync_EndpointNotATlsServer_ReturnsThePlainStream()
    {
        var tls = Connector(Endpoint.Port + 1);

        await using var stream = await tls.ConnectAsync(UpstreamConnector.ConnectTcpAsync(Endpoint, default), Endpoint, default);

        // The plain TCP stream (NetworkStream, or the epoll transport's own), not a TLS one.
        Assert.IsNotType<System.Net.Security.SslStream>(stream, exactMatch: false);
        Assert.True(stream.CanRead && stream.CanWrite);
    }
}
