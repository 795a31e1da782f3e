using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading.Tasks.Sources;

namespace Proxy.Transport;

/// <summary>
/// A connection to a server on an <see cref="EpollLoop"/>, as a <see cref="Stream"/> for the HTTP/1.1 forwarder (and
/// YARP, which takes any stream). A read that returned less than it asked for leaves the socket known to be drained:
/// the next read waits for the next EPOLLIN edge instead of probing with a recv(2) that would return EAGAIN (haproxy
/// 2.6 reads the same way), and when the client's connection is on the same loop the whole exchange stays on one
/// thread. Connecting is <see cref="ConnectAsync"/>.
/// </summary>
internal sealed partial class EpollStream : Stream, IEpollHandler, IValueTaskSource<int>
{
    private readonly SocketHandle _handle;
    private readonly EpollLoop _loop;
    private readonly EdgeSignal _readable = new();
    private readonly EdgeSignal _writable = new();
    private nint _registration;
    private bool _drained;
    private int _drainedAt;
    private bool _hungUp;

    // The read in progress when it has to wait for an edge.
    private ManualResetValueTaskSourceCore<int> _read;
    private Memory<byte> _readBuffer;
    private CancellationToken _readToken;
    private ValueTaskAwaiter _readWait;
    private readonly Action _readWaited;
    private int _disposed;

    private EpollStream(int fd, EpollLoop loop)
    {
        _handle = new SocketHandle(fd);
        _loop = loop;
        _readWaited = OnReadWaited;
    }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The server's address (for diagnostics).</summary>
    public EndPoint? RemoteEndPoint { get; private set; }

    public void OnEvents(uint events)
    {
        if ((events & (LinuxNet.EpollRdHup | LinuxNet.EpollHup | LinuxNet.EpollErr)) != 0)
        {
            // The server's end (or an error) is waiting behind the data: no later edge will announce it.
            Volatile.Write(ref _hungUp, true);
        }

        if ((events & (LinuxNet.EpollIn | LinuxNet.EpollRdHup | LinuxNet.EpollHup | LinuxNet.EpollErr)) != 0)
        {
            _readable.Signal();
        }

        if ((events & (LinuxNet.EpollOut | LinuxNet.EpollHup | LinuxNet.EpollErr)) != 0)
        {
            _writable.Signal();
        }
    }

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

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            var seen = _writable.Edges;
            var sent = Send(buffer.Span);
            if (sent > 0)
            {
                buffer = buffer[sent..];
                continue;
            }

            if (-sent == LinuxNet.EIntr)
            {
                continue;
            }

            if (-sent != LinuxNet.EAgain)
            {
                throw Failure(-sent, "send");
            }

            await _writable.WaitAsync(seen, cancellationToken).ConfigureAwait(false);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            if (_registration != 0)
            {
                _loop.Unregister(_handle.Fd, _registration);
            }

            var reason = new ObjectDisposedException(nameof(EpollStream));
            _readable.Close(reason);
            _writable.Close(reason);
            // close(2) happens once no recv or send is in progress on the descriptor.
            _handle.Dispose();
        }

        base.Dispose(disposing);
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

    private unsafe int Send(ReadOnlySpan<byte> buffer)
    {
        var added = false;
        try
        {
            _handle.DangerousAddRef(ref added);
            fixed (byte* p = buffer)
            {
                var n = Interop.Send(_handle.Fd, p, (nuint)buffer.Length, LinuxNet.MsgNoSignal);
                return n >= 0 ? (int)n : -LinuxNet.LastErrno;
            }
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

    // As NetworkStream reports a socket failure: an IOException around the SocketException.
    private Exception Failure(int errno, string call)
        => Volatile.Read(ref _disposed) != 0 ? new ObjectDisposedException(nameof(EpollStream))
            : new IOException($"Unable to {(call == "recv" ? "read data from" : "write data to")} the transport connection: {LinuxNet.ToException(errno, call).Message}.", LinuxNet.ToException(errno, call));
}
