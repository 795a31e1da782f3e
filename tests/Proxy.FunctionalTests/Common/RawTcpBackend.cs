using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Proxy.FunctionalTests.Common;

/// <summary>
/// A server on 127.0.0.1:0 that records each request head byte for byte (request line, header names in their
/// case and order) and answers 200 "ok" before closing, so tests can compare what a proxy puts on the wire.
/// </summary>
internal sealed class RawTcpBackend : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private RawTcpBackend()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Request heads received, up to and including the blank line.</summary>
    public ConcurrentQueue<string> Heads { get; } = new();

    public static RawTcpBackend Start() => new();

    /// <summary>Waits (bounded) for the next recorded head.</summary>
    public async Task<string> NextHeadAsync()
    {
        for (var i = 0; i < 300; i++)
        {
            if (Heads.TryDequeue(out var head))
            {
                return head;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("no request reached the raw backend");
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var head = new MemoryStream();
            var buffer = new byte[1];
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            cancel.CancelAfter(TimeSpan.FromSeconds(10));
            try
            {
                while (!EndsWithBlankLine(head) && await stream.ReadAsync(buffer, cancel.Token) == 1)
                {
                    head.WriteByte(buffer[0]);
                }

                Heads.Enqueue(Encoding.Latin1.GetString(head.ToArray()));
                await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"u8.ToArray(), cancel.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                // The test decides from what was recorded.
            }
        }
    }

    private static bool EndsWithBlankLine(MemoryStream head)
    {
        var length = head.Length;
        var bytes = head.GetBuffer();
        return length >= 4 && bytes[length - 4] == '\r' && bytes[length - 3] == '\n' && bytes[length - 2] == '\r' && bytes[length - 1] == '\n';
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
