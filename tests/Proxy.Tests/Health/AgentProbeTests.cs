using System.Net;
using System.Net.Sockets;
using System.Text;
using Proxy.Health;
using Proxy.Runtime;

namespace Proxy.Tests.Health;

public class AgentProbeTests
{
    // A one-shot loopback agent: reads what the probe sends (when it expects something), then writes the answer.
    private static (int Port, Task<string> Received) Serve(string answer, bool expectSend, bool close = true)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var received = Task.Run(async () =>
        {
            using var client = await listener.AcceptSocketAsync().WaitAsync(TimeSpan.FromSeconds(10));
            var buffer = new byte[512];
            var length = expectSend ? await client.ReceiveAsync(buffer, SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(10)) : 0;
            await client.SendAsync(Encoding.ASCII.GetBytes(answer), SocketFlags.None);
            if (close)
            {
                client.Shutdown(SocketShutdown.Both);
            }
            else
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }

            listener.Stop();
            return Encoding.ASCII.GetString(buffer, 0, length);
        });
        return (port, received);
    }

    private static AgentProbe Probe(int port, string send = "", int interMs = 2000)
        => new(new CheckConnector(new IPEndPoint(IPAddress.Loopback, port), CheckTimeouts.For(TimeSpan.FromMilliseconds(interMs), null, null), TimeProvider.System),
            Encoding.Latin1.GetBytes(send));

    [Fact]
    public async Task RunAsync_AgentSendThenLine_ParsedReply()
    {
        var (port, received) = Serve("drain 50%\nignored\n", expectSend: true, close: false);

        var answer = await Probe(port, "hello\n").RunAsync(CancellationToken.None);

        Assert.Equal("hello\n", await received);
        Assert.Equal((ServerAdminState.Drain, 50), (answer!.Value.Reply.Admin, answer.Value.Reply.Percent));
    }

    [Fact]
    public async Task RunAsync_LineWithoutNewlineThenClose_Parsed()
    {
        var (port, _) = Serve("down # gone", expectSend: false);

        var answer = await Probe(port).RunAsync(CancellationToken.None);

        Assert.Equal("via agent : down (gone)", answer!.Value.Reply.Info);
    }

    [Fact]
    public async Task RunAsync_ClosedWithoutAWord_Null()
    {
        var (port, _) = Serve("", expectSend: false);

        Assert.Null(await Probe(port).RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_Refused_Null()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        Assert.Null(await Probe(port).RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_SilentAgent_NullAtTheDeadline()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        var answer = await Probe(((IPEndPoint)listener.LocalEndpoint).Port, interMs: 200).RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(answer);
    }
}
