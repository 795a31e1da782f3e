using System.Runtime.CompilerServices;
using System.Threading.Tasks.Sources;

namespace Proxy.Transport;

/// <summary>The reading side: drained-socket tracking, the wait for an edge without a state machine, recv(2).</summary>
internal sealed partial class EpollStream : IValueTaskSource<int>
{
    private bool _drained;
    private int _drainedAt;
    private bool _hungUp;

    // The read in progress when it has to wait for an edge.
    private ManualResetValueTaskSourceCore<int> _read;
    private Memory<byte> _readBuffer;
    private CancellationToken _readToken;
    private ValueTaskAwaiter _readWait;
    private readonly Action _readWaited;

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_drained)
        {
            // The common case: the bytes are there (or the end, or an error) without a wait or a state machine.
            // The edge count is taken before each recv: an edge after it means new bytes, whatever the recv saw.
            var seen = _readable.Edges;
            var received = Receive(buffer.Span);
            if (received >= 0 || -received is not (LinuxNet.EAgain or LinuxNet.EIntr))
            {
                return Completed(buffer, received, seen);
            }

            Drained(-received == LinuxNet.EAgain, seen);
        }

        return ReadSlowAsync(buffer, cancellationToken);
    }

    // A read that has to wait: this stream is its own reusable source (one read at a time, as for any stream), so a
    // wait allocates nothing; the wait's continuation (and the reader's after it) runs on the loop's thread.
    private ValueTask<int> ReadSlowAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        _read.Reset();
        _readBuffer = buffer;
        _readToken = cancellationToken;
        ContinueRead();
        return new ValueTask<int>(this, _read.Version);
    }

    private void ContinueRead()
    {
        while (true)
        {
            if (_drained)
            {
                // Completes at once when an edge came after the recv that found the socket drained.
                ValueTask wait;
                try
                {
                    wait = _readable.WaitAsync(_drainedAt, _readToken);
                }
                catch (Exception e)
                {
                    EndRead(e);
                    return;
                }

                if (!wait.IsCompleted)
                {
                    _readWait = wait.GetAwaiter();
                    _readWait.UnsafeOnCompleted(_readWaited);
                    return;
                }

                if (!Waited(wait.GetAwaiter()))
                {
                    return;
                }
            }

            var seen = _readable.Edges;
            var received = Receive(_readBuffer.Span);
            if (received >= 0)
            {
                Took(received, _readBuffer.Length, seen);
                _readBuffer = default;
                _read.SetResult(received);
                return;
            }

            if (-received is not (LinuxNet.EAgain or LinuxNet.EIntr))
            {
                EndRead(Failure(-received, "recv"));
                return;
            }

            Drained(-received == LinuxNet.EAgain, seen);
        }
    }

    // The edge (or the cancellation, or the close) came: true to go on reading.
    private bool Waited(ValueTaskAwaiter awaiter)
    {
        try
        {
            awaiter.GetResult();
        }
        catch (Exception e)
        {
            EndRead(e);
            return false;
        }

        _drained = false;
        return true;
    }

    private void OnReadWaited()
    {
        var awaiter = _readWait;
        _readWait = default;
        if (Waited(awaiter))
        {
            ContinueRead();
        }
    }

    private void EndRead(Exception e)
    {
        _readBuffer = default;
        _read.SetException(e);
    }

    int IValueTaskSource<int>.GetResult(short token) => _read.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<int>.GetStatus(short token) => _read.GetStatus(token);

    void IValueTaskSource<int>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _read.OnCompleted(continuation, state, token, flags);

    // The socket had nothing more when the edge count was `seen`: the next read waits for an edge after that.
    private void Drained(bool drained, int seen)
    {
        // After a hang-up a short read is not the end of what there is to read: the end itself (0) is still to come.
        _drained = drained && !Volatile.Read(ref _hungUp);
        _drainedAt = seen;
    }

    // A read's outcome: bytes, the end (or a zero-byte read's "there is data"), or an error.
    private ValueTask<int> Completed(Memory<byte> buffer, int received, int seen)
    {
        if (received >= 0)
        {
            Took(received, buffer.Length, seen);
            return new ValueTask<int>(received);
        }

        return ValueTask.FromException<int>(Failure(-received, "recv"));
    }

    // A short read leaves the socket drained (a zero-byte read or the end change nothing).
    private void Took(int received, int asked, int seen)
    {
        if (received > 0)
        {
            Drained(received < asked, seen);
        }
    }

    // recv(2) into the buffer (a one-byte peek for a zero-byte read): the count, or -errno.
    private unsafe int Receive(Span<byte> buffer)
    {
        var added = false;
        try
        {
            _handle.DangerousAddRef(ref added);
            byte peek;
            var n = buffer.IsEmpty ? Interop.Recv(_handle.Fd, &peek, 1, LinuxNet.MsgPeek) : RecvInto(buffer);
            return n >= 0 ? (buffer.IsEmpty ? 0 : (int)n) : -LinuxNet.LastErrno;
        }
        catch (ObjectDisposedException)
        {
            return -LinuxNet.EBadF;
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
    }

    private unsafe nint RecvInto(Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            return Interop.Recv(_handle.Fd, p, (nuint)buffer.Length, 0);
        }
    }
}
