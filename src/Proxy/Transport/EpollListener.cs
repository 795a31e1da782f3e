using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.AspNetCore.Connections;

namespace Proxy.Transport;

/// <summary>
/// A listening socket on an <see cref="EpollLoop"/>: each EPOLLIN edge accepts until the kernel's queue is empty,
/// and every accepted connection goes to the next loop (round robin) and into Kestrel's accept queue.
/// </summary>
internal sealed class EpollListener : IConnectionListener, IEpollHandler
{
    // haproxy 2.6 pauses a listener that hit the process's descriptor limit and tries again shortly after.
    private static readonly TimeSpan AcceptRetry = TimeSpan.FromMilliseconds(100);

    private readonly Socket _socket;
    private readonly int _fd;
    private readonly EpollLoop _loop;
    private readonly MemoryPool<byte> _pool;
    private readonly long _maxInput;
    private readonly long _maxOutput;
    private readonly Channel<EpollConnection> _accepted = Channel.CreateUnbounded<EpollConnection>(new UnboundedChannelOptions { SingleReader = true });
    private readonly nint _registration;
    private int _unbound;

    public EpollListener(Socket socket, EpollLoop loop, MemoryPool<byte> pool, long maxInput, long maxOutput)
    {
        _socket = socket;
        _fd = (int)socket.Handle;
        _loop = loop;
        _pool = pool;
        _maxInput = maxInput;
        _maxOutput = maxOutput;
        EndPoint = socket.LocalEndPoint!;
        _registration = loop.Register(_fd, this, writes: false);
    }

    public EndPoint EndPoint { get; }

    public void OnEvents(uint events) => AcceptAll();

    private unsafe void AcceptAll()
    {
        while (Volatile.Read(ref _unbound) == 0)
        {
            var fd = Interop.Accept4(_fd, null, null, LinuxNet.SockNonBlock | LinuxNet.SockCloexec);
            if (fd < 0)
            {
                var errno = LinuxNet.LastErrno;
                if (errno is LinuxNet.EMFile or LinuxNet.ENFile or LinuxNet.ENoBufs or LinuxNet.ENoMem)
                {
                    // No edge comes for connections already queued: look again shortly.
                    _ = RetryLaterAsync();
                    return;
                }

                if (errno == LinuxNet.EAgain)
                {
                    return;
                }

                // EINTR, ECONNABORTED (the client left while queued), EPROTO...: the next one.
                continue;
            }

            var one = 1;
            Interop.SetSockOpt(fd, LinuxNet.IpProtoTcp, LinuxNet.TcpNoDelay, &one, sizeof(int));
            var loop = EpollLoops.Next();
            var connection = new EpollConnection(fd, loop, _pool, _maxInput, _maxOutput);
            connection.Start();
            if (!_accepted.Writer.TryWrite(connection))
            {
                connection.Abort(new ConnectionAbortedException("The listener was unbound."));
            }
        }
    }

    private async Task RetryLaterAsync()
    {
        await Task.Delay(AcceptRetry).ConfigureAwait(false);
        AcceptAll();
    }

    public async ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await _accepted.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    public ValueTask UnbindAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _unbound, 1) == 0)
        {
            _loop.Unregister(_fd, _registration);
            _socket.Dispose();
            _accepted.Writer.TryComplete();
            // Accepted but never handed to Kestrel: nobody else will close them.
            while (_accepted.Reader.TryRead(out var orphan))
            {
                orphan.Abort(new ConnectionAbortedException("The listener was unbound."));
                _ = orphan.DisposeAsync();
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => UnbindAsync();
}
