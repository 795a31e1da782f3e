using System.Net;
using System.Net.Sockets;
using System.Text;
using Proxy.Health;

namespace Proxy.Tests.Health;

public class TcpCheckProbeTests
{
    // A loopback server for a few connections: reads once (when asked to), answers, closes or stays silent.
    private static (int Port, Task Served) Serve(string? answer, bool read = true, bool close = true, int connections = 1)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var served = Task.Run(async () =>
        {
            for (var i = 0; i < connections; i++)
            {
                using var client = await listener.AcceptSocketAsync().WaitAsync(TimeSpan.FromSeconds(10));
                if (read)
                {
                    await client.ReceiveAsync(new byte[512], SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(10));
                }

                if (answer is not null)
                {
                    await client.SendAsync(Encoding.Latin1.GetBytes(answer), SocketFlags.None);
                }

                if (close)
                {
                    client.Shutdown(SocketShutdown.Both);
                }
                else
                {
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }
            }

            listener.Stop();
        });
        return (port, served);
    }

    private static TcpCheckProbe Probe(int port, string rules, int interMs = 2000)
    {
        var backend = HealthRuntime.Backend($"backend be\n option tcp-check\n{rules} server s1 127.0.0.1:{port} check\n").Definition;
        var plan = TcpCheckPlan.For(backend, out var unsupported);
        Assert.True(plan is not null, unsupported);
        var connector = new CheckConnector(new IPEndPoint(IPAddress.Loopback, port), CheckTimeouts.For(TimeSpan.FromMilliseconds(interMs), null, null), TimeProvider.System);
        return new TcpCheckProbe(connector, plan, null);
    }

    private const string Redis = " tcp-check send PING\\r\\n\n tcp-check expect string +PONG\n";

    [Fact]
    public async Task RunAsync_ExpectedAnswer_IsL7OkTcpCheck()
    {
        var (port, _) = Serve("+PONG\r\n");

        var result = await Probe(port, Redis).RunAsync(CancellationToken.None);

        Assert.Equal((CheckStatus.L7Ok, (int?)0, "(tcp-check)"), (result.Status, result.Code, result.Info));
    }

    [Fact]
    public async Task RunAsync_OtherAnswer_DidNotMatchAtStep()
    {
        var (port, _) = Serve("-ERR nope\r\n");

        var result = await Probe(port, Redis).RunAsync(CancellationToken.None);

        Assert.Equal((CheckStatus.L7Rsp, "TCPCHK did not match content '+PONG' at step 2"), (result.Status, result.Info));
    }

    [Fact]
    public async Task RunAsync_ClosedWithoutAnswer_EmptyResponse()
    {
        var (port, _) = Serve(null);

        var result = await Probe(port, Redis).RunAsync(CancellationToken.None);

        Assert.Equal((CheckStatus.L7Rsp, "TCPCHK got an empty response at step 2"), (result.Status, result.Info));
    }

    [Fact]
    public async Task RunAsync_Silent_L7TimeoutNamingTheStep()
    {
        var (port, _) = Serve(null, close: false);

        var result = await Probe(port, Redis, interMs: 300).RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((CheckStatus.L7Tout, " at step 2 of tcp-check (expect string '+PONG')"), (result.Status, result.Info));
    }

    [Fact]
    public async Task RunAsync_AnswerInPieces_WaitsForTheMatch()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var served = Task.Run(async () =>
        {
            using var client = await listener.AcceptSocketAsync().WaitAsync(TimeSpan.FromSeconds(10));
            await client.ReceiveAsync(new byte[512], SocketFlags.None);
            await client.SendAsync("+PO"u8.ToArray(), SocketFlags.None);
            await Task.Delay(50);
            await client.SendAsync("NG\r\n"u8.ToArray(), SocketFlags.None);
            await Task.Delay(500);
            listener.Stop();
        });

        var result = await Probe(port, Redis).RunAsync(CancellationToken.None);

        Assert.Equal(CheckStatus.L7Ok, result.Status);
        await served;
    }

    [Fact]
    public async Task RunAsync_NegatedMatch_UnwantedContent()
    {
        var (port, _) = Serve("-ERR nope\r\n");

        var result = await Probe(port, " tcp-check send-binary 50494e470d0a\n tcp-check expect ! string ERR\n").RunAsync(CancellationToken.None);

        Assert.Equal((CheckStatus.L7Rsp, "TCPCHK matched unwanted content 'ERR' at step 2"), (result.Status, result.Info));
    }

    [Fact]
    public async Task RunAsync_Comment_AppendedToTheFailure()
    {
        var (port, _) = Serve("-ERR nope\r\n");

        var result = await Probe(port, " tcp-check comment \"ping step\"\n tcp-check send PING\\r\\n\n tcp-check comment \"pong step\"\n tcp-check expect string +NOPE\n")
            .RunAsync(CancellationToken.None);

        Assert.Equal("TCPCHK did not match content '+NOPE' at step 4 comment: pong step", result.Info);
    }

    [Fact]
    public async Task RunAsync_ConnectPortRefused_NamesTheStep()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var result = await Probe(1, $" tcp-check connect port {port}\n tcp-check expect string x\n").RunAsync(CancellationToken.None);

        Assert.Equal((CheckStatus.L4Con, $"Connection refused at step 1 of tcp-check (connect port {port})"), (result.Status, result.Info));
    }

    [Fact]
    public async Task RunAsync_InitialConnectionRefused_NamesTheInitialStep()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var result = await Probe(port, Redis).RunAsync(CancellationToken.None);

        Assert.Equal((CheckStatus.L4Con, "Connection refused at initial connection step of tcp-check"), (result.Status, result.Info));
    }

    [Fact]
    public async Task RunAsync_ExpectsShareTheBufferUntilASend()
    {
        var (port, _) = Serve("-ERR nope\r\n");

        var result = await Probe(port, " tcp-check send PING\\r\\n\n tcp-check expect binary 2d455252\n tcp-check expect rstring no.e\n tcp-check expect string zzz\n")
            .RunAsync(CancellationToken.None);

        Assert.Equal("TCPCHK did not match content 'zzz' at step 4", result.Info);
    }
}
