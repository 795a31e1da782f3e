using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Connections;

namespace Proxy.Transport;

internal sealed partial class EpollConnection
{
    // Kestrel's socket transport asks the pool for at least half a block per read.
    private const int MinReadSize = 2048;

    // 1 when an EPOLLIN edge came since the last pass found the socket drained.
    private int _readable;

    // Set once an event said the client hung up (EPOLLRDHUP/HUP/ERR): reading goes on until recv returns 0.
    private bool _hungUp;

    // 1 while a receive pass runs (or waits for the application to make room); 2 once reading ended for good.
    private int _receiving;

    private void OnReadable()
    {
        Volatile.Write(ref _readable, 1);
        if (Interlocked.CompareExchange(ref _receiving, 1, 0) == 0)
        {
            _ = ReceiveAsync();
        }
    }

    /// <summary>
    /// Reads until a recv(2) returns less than its buffer (the socket is drained: the next edge says when there is
    /// more) and hands each read to the application. Runs with <see cref="_receiving"/> set to 1.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ReceiveAsync()
    {
        var writer = _input.Writer;
        Exception? error = null;
        try
        {
            while (true)
            {
                if (Interlocked.Exchange(ref _readable, 0) == 0)
                {
                    // Drained: stop, unless an edge came in between (then this pass goes on, or the new one runs).
                    Volatile.Write(ref _receiving, 0);
                    if (Volatile.Read(ref _readable) == 0 || Interlocked.CompareExchange(ref _receiving, 1, 0) != 0)
                    {
                        return;
                    }

                    continue;
                }

                var memory = writer.GetMemory(MinReadSize);
                var received = Receive(memory.Span);
                if (received > 0)
                {
                    writer.Advance(received);
                    if (received == memory.Length || Volatile.Read(ref _hungUp))
                    {
                        // A full buffer (there may be more behind it), or the client's end still to read: no new
                        // edge would say so.
                        Volatile.Write(ref _readable, 1);
                    }

                    var flush = await writer.FlushAsync().ConfigureAwait(false);
                    if (flush.IsCompleted || flush.IsCanceled)
                    {
                        // The application stopped reading.
                        break;
                    }

                    continue;
                }

                if (received == 0)
                {
                    // End of input (or our own shutdown after Abort).
                    break;
                }

                var errno = -received;
                if (errno == LinuxNet.EAgain)
                {
                    continue;
                }

                if (errno == LinuxNet.EIntr)
                {
                    Volatile.Write(ref _readable, 1);
                    continue;
                }

                var failure = LinuxNet.ToException(errno, "recv");
                error = errno is LinuxNet.EConnReset or LinuxNet.EPipe or LinuxNet.EConnAborted
                    ? new ConnectionResetException(failure.Message, failure)
                    : failure;
                break;
            }
        }
        catch (Exception e)
        {
            error = e;
        }

        Volatile.Write(ref _receiving, 2);
        // After Abort the application sees why, not a clean end of input.
        writer.Complete(_abortReason ?? error);
        FireConnectionClosed();
        SideDone();
    }

    private unsafe int Receive(Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            var n = Interop.Recv(_fd, p, (nuint)buffer.Length, 0);
            return n >= 0 ? (int)n : -LinuxNet.LastErrno;
        }
    }

    /// <summary>Ends reading when the sending side finished first and no pass is running (nothing would wake one).</summary>
    private void EndIdleReceive()
    {
        if (Interlocked.CompareExchange(ref _receiving, 2, 0) == 0)
        {
            _input.Writer.Complete(_abortReason);
            FireConnectionClosed();
            SideDone();
        }
    }
}
