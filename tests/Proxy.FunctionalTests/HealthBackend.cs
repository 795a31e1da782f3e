using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Proxy.FunctionalTests;

/// <summary>
/// A raw HTTP/1.x server on a fixed 127.0.0.1 port that a health test can stop and start again on the same port. It
/// answers every request with its <see cref="Status"/> line and <see cref="Body"/> (default "200 OK" and its name),
/// optionally after <see cref="Delay"/>, and closes the connection.
/// </summary>
internal sealed class HealthBackend : IAsyncDisposable
{
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private Task? _accepting;

    public HealthBackend(string name, int port)
    {
        Name = name;
        Port = port;
        Body = name;
    }

    public string Name { get; }

    public int Port { get; }

    public string Status { get; set; } = "200 OK";

    public string Body { get; set; }

    public TimeSpan Delay { get; set; }

    public void Start()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start(100);
        _stop = new CancellationTokenSource();
        var token = _stop.Token;
        var listener = _listener;
        _accepting = Task.Run(async () =>
        {
            while (!token.IsCancellationRequested)
            {
                Socket client;
                try
                {
                    client = await listener.AcceptSocketAsync(token);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(() => AnswerAsync(client, token), CancellationToken.None);
            }
        }, CancellationToken.None);
    }

    public async Task StopAsync()
    {
        if (_listener is null)
        {
            return;
        }

        await _stop!.CancelAsync();
        _listener.Stop();
        await _accepting!;
        _stop.Dispose();
        _listener = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task AnswerAsync(Socket client, CancellationToken token)
    {
        using var _ = client;
        try
        {
            var buffer = new byte[8192];
            var received = "";
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(token);
            deadline.CancelAfter(TimeSpan.FromSeconds(10));
            while (!received.Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await client.ReceiveAsync(buffer, SocketFlags.None, deadline.Token);
                if (read == 0)
                {
                    return;
                }

                received += Encoding.Latin1.GetString(buffer, 0, read);
            }

            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, deadline.Token);
            }

            var body = Encoding.UTF8.GetBytes(Body);
            var head = $"HTTP/1.1 {Status}\r\nContent-Type: text/plain\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
            await client.SendAsync(Encoding.Latin1.GetBytes(head).Concat(body).ToArray(), SocketFlags.None, deadline.Token);
            client.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The test stopped the backend or the peer went away.
        }
    }
}
