using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Proxy.FunctionalTests.Common;

/// <summary>
/// A raw TCP server on 127.0.0.1 that misbehaves on purpose: it reads the request headers, then writes
/// <see cref="Reply"/> (possibly nothing) and either resets the connection or stays silent until disposed.
/// </summary>
internal sealed class MisbehavingServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly string _reply;
    private readonly bool _reset;
    private int _accepted;

    private MisbehavingServer(string reply, bool reset)
    {
        _reply = reply;
        _reset = reset;
        _listener.Start();
        _loop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Reply => _reply;

    /// <summary>Connections accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Writes <paramref name="reply"/> then resets the connection (RST, via linger 0).</summary>
    public static MisbehavingServer ResetAfter(string reply) => new(reply, reset: true);

    /// <summary>Reads the request and never answers.</summary>
    public static MisbehavingServer Silent() => new("", reset: false);

    /// <summary>Writes <paramref name="reply"/>, then stays silent with the connection open.</summary>
    public static MisbehavingServer StallAfter(string reply) => new(reply, reset: false);

    private async Task AcceptAsync()
    {
        var open = new List<Socket>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                Interlocked.Increment(ref _accepted);
                open.Add(socket);
                _ = ServeAsync(socket);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
        finally
        {
            foreach (var socket in open)
            {
                socket.Dispose();
            }
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        try
        {
            var buffer = new byte[16384];
            var received = new StringBuilder();
            while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var n = await socket.ReceiveAsync(buffer, _stop.Token);
                if (n == 0)
                {
                    return;
                }

                received.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }

            if (_reply.Length > 0)
            {
                await socket.SendAsync(Encoding.ASCII.GetBytes(_reply), _stop.Token);
            }

            if (_reset)
            {
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The peer or the test ended the exchange.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
