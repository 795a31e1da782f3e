using System.Net;

namespace Proxy.Transport;

/// <summary>
/// A connection to a server on an <see cref="EpollLoop"/>, as a <see cref="Stream"/> for the HTTP/1.1 forwarder (and
/// YARP, which takes any stream). A read that returned less than it asked for leaves the socket known to be drained:
/// the next read waits for the next EPOLLIN edge instead of probing with a recv(2) that would return EAGAIN (haproxy
/// 2.6 reads the same way), and when the client's connection is on the same loop the whole exchange stays on one
/// thread. Connecting is <see cref="ConnectAsync"/>.
/// </summary>
internal sealed partial class EpollStream : Stream, IEpollHandler
{
    private readonly SocketHandle _handle;
    private readonly EpollLoop _loop;
    private readonly EdgeSignal _readable = new();
    private readonly EdgeSignal _writable = new();
    private nint _registration;
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
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return new ObjectDisposedException(nameof(EpollStream));
        }

        var failure = LinuxNet.ToException(errno, call);
        return new IOException($"Unable to {(call == "recv" ? "read data from" : "write data to")} the transport connection: {failure.Message}.", failure);
    }
}
