using System.Net;
using System.Net.Sockets;
using System.Text;
using Proxy.Health;

namespace Proxy.Tests.Health;

public class HttpCheckProbeTests
{
    // A one-shot loopback server: reads the request, answers (or stays silent), closes; returns what it received.
    private static (int Port, Task<string> Received) Serve(string? response)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var received = Task.Run(async () =>
        {
            using var _ = listener.Server;
            using var client = await listener.AcceptSocketAsync().WaitAsync(TimeSpan.FromSeconds(10));
            var buffer = new byte[4096];
            var read = await client.ReceiveAsync(buffer, SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(10));
            if (response is null)
            {
                await Task.Delay(4000);
            }
            else
            {
                await client.SendAsync(Encoding.Latin1.GetBytes(response), SocketFlags.None);
            }

            listener.Stop();
            return Encoding.Latin1.GetString(buffer, 0, read);
        });
        return (port, received);
    }

    private static HttpCheckProbe Probe(int port, string lines, TimeSpan inter)
    {
        var backend = HealthRuntime.Backend("backend be\n" + lines + $" server a 127.0.0.1:{port} check\n");
        var plan = HttpCheckPlan.For(backend.Definition, out _)!;
        var connector = new CheckConnector(new IPEndPoint(IPAddress.Loopback, port), CheckTimeouts.For(inter, null, null), TimeProvider.System);
        return new HttpCheckProbe(connector, plan, () => "UP; name=be/a");
    }

    private static HttpCheckProbe TlsProbe(int port)
    {
        var backend = HealthRuntime.Backend($"backend be\n option httpchk GET /h\n server a 127.0.0.1:{port} ssl verify none check\n").Definition;
        var endpoint = new IPEndPoint(IPAddress.Loopback, port);
        var connector = new CheckConnector(endpoint, CheckTimeouts.For(TimeSpan.FromSeconds(2), null, null), TimeProvider.System,
            CheckTls.Options(backend, backend.Servers[0], endpoint, new()));
        return new HttpCheckProbe(connector, HttpCheckPlan.For(backend, out _)!);
    }

    [Fact]
    public async Task RunAsync_SslServer_RequestOverTlsIsL7Ok()
    {
        using var server = TlsTestServer.Tls("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

        var result = await TlsProbe(server.Port).RunAsync(CancellationToken.None);

        Assert.Equal((CheckStatus.L7Ok, (int?)200), (result.Status, result.Code));
    }

    [Fact]
    public async Task RunAsync_SslServerAnsweringInClear_IsL6Rsp()
    {
        using var server = TlsTestServer.Plain();

        var result = await TlsProbe(server.Port).RunAsync(CancellationToken.None);

        Assert.Equal((CheckStatus.L6Rsp, "SSL handshake failure"), (result.Status, result.Info));
    }

    [Fact]
    public async Task RunAsync_OkResponse_IsL7OkAndSendsThePlansRequest()
    {
        var (port, received) = Serve("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

        var result = await Probe(port, " option httpchk GET /health\n http-check send-state\n", TimeSpan.FromSeconds(5)).RunAsync(CancellationToken.None);

        Assert.Equal((CheckStatus.L7Ok, 200), (result.Status, result.Code));
        Assert.Equal("GET /health HTTP/1.0\r\nx-haproxy-server-state: UP; name=be/a\r\n\r\n", await received);
    }

    [Fact]
    public async Task RunAsync_404WithDisableOn404_IsConditionalPass()
    {
        var (port, _) = Serve("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");

        var result = await Probe(port, " option httpchk\n http-check disable-on-404\n", TimeSpan.FromSeconds(5)).RunAsync(CancellationToken.None);

        Assert.Equal(new CheckResult(CheckStatus.L7OkC, 404, null, result.Duration), result);
    }

    [Fact]
    public async Task RunAsync_SilentServer_IsL7TimeoutWithinInter()
    {
        var (port, _) = Serve(null);

        var result = await Probe(port, " option httpchk\n", TimeSpan.FromMilliseconds(1000)).RunAsync(CancellationToken.None);

        Assert.Equal(CheckStatus.L7Tout, result.Status);
        Assert.Null(result.Info);
        Assert.InRange(result.Duration.TotalMilliseconds, 950, 2900);
    }

    [Fact]
    public async Task RunAsync_NotHttp_IsL7RspWithoutInfo()
    {
        var (port, _) = Serve("garbage\r\n\r\n");

        var result = await Probe(port, " option httpchk\n", TimeSpan.FromSeconds(5)).RunAsync(CancellationToken.None);

        Assert.Equal((CheckStatus.L7Rsp, null, (string?)null), (result.Status, result.Code, result.Info));
    }
}
