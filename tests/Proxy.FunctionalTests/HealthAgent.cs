using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Proxy.FunctionalTests;

/// <summary>
/// A load-feedback agent (haproxy 2.6 `agent-check`) on a 127.0.0.1 port: every connection gets the current
/// <see cref="Reply"/> line and is closed. <see cref="Asked"/> counts the connections, so a test can wait until a new
/// reply has been heard.
/// </summary>
internal sealed class HealthAgent : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _asked;

    public HealthAgent(int port)
    {
        Port = port;
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start(100);
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    /// <summary>The line sent to every new connection ("up\n" at first).</summary>
    public string Reply { get; set; } = "up\n";

    /// <summary>Connections answered so far.</summary>
    public int Asked => Volatile.Read(ref _asked);

    /// <summary>Sets the reply and waits until <paramref name="askers"/> more connections heard it (bounded).</summary>
    public async Task SayAsync(string reply, int askers = 1)
    {
        Reply = reply;
        var target = Asked + askers + 1;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (Asked < target)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the agent was not asked again after '{reply.TrimEnd()}'");
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(client, Reply), CancellationToken.None);
            Interlocked.Increment(ref _asked);
        }
    }

    // Each connection on its own, so a checker that keeps its end open never delays the next one.
    private static async Task AnswerAsync(Socket client, string reply)
    {
        using var connection = client;
        try
        {
            await connection.SendAsync(Encoding.ASCII.GetBytes(reply), SocketFlags.None);
            connection.Shutdown(SocketShutdown.Send);

            // Read what the checker sent (`agent-send`) until it closes, so our close sends no reset.
            using var quiet = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            var buffer = new byte[256];
            while (await connection.ReceiveAsync(buffer, SocketFlags.None, quiet.Token) > 0)
            {
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            // The checker gave up first.
        }
    }
}
