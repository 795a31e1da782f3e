using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Proxy.FunctionalTests.Logging;

/// <summary>A UDP syslog receiver on 127.0.0.1 that keeps every datagram as received, for byte-exact comparisons.</summary>
internal sealed class UdpLogListener : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public UdpLogListener()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _loop = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>The port to name in `log 127.0.0.1:PORT`.</summary>
    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>Every datagram received, in order.</summary>
    public ConcurrentQueue<string> Datagrams { get; } = new();

    /// <summary>Waits until <paramref name="count"/> datagrams containing <paramref name="marker"/> arrived (bounded); returns them.</summary>
    public async Task<string[]> WaitForAsync(string marker, int count, TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var found = Datagrams.Where(d => d.Contains(marker, StringComparison.Ordinal)).ToArray();
            if (found.Length >= count || deadline.Elapsed > limit)
            {
                return found;
            }

            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The loop ends with the socket.
        }

        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[70000];
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var count = await _socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                Datagrams.Enqueue(Encoding.UTF8.GetString(buffer, 0, count));
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
        }
    }
}
