using System.Net;
using System.Net.Sockets;

namespace Proxy.Transport;

internal sealed partial class EpollStream
{
    /// <summary>
    /// A TCP connection to <paramref name="endpoint"/> with Nagle off (as haproxy sends), on the calling thread's loop
    /// (else the next one). A refusal or unreachable server throws <see cref="SocketException"/> as .NET's
    /// Socket.ConnectAsync does; <paramref name="cancellationToken"/> (timeout connect) throws OperationCanceledException.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var family = endpoint.AddressFamily == AddressFamily.InterNetworkV6 ? LinuxNet.AfInet6 : LinuxNet.AfInet;
        var fd = Interop.Socket(family, LinuxNet.SockStream | LinuxNet.SockNonBlock | LinuxNet.SockCloexec, 0);
        if (fd < 0)
        {
            throw LinuxNet.ToException(LinuxNet.LastErrno, "socket");
        }

        var stream = new EpollStream(fd, EpollLoops.Pick()) { RemoteEndPoint = endpoint };
        try
        {
            var pending = StartConnect(fd, endpoint);
            // Registered only now: an unconnected socket polls as hung up, which would be a false first edge.
            stream._registration = stream._loop.Register(fd, stream);
            if (pending)
            {
                await stream._writable.WaitAsync(0, cancellationToken).ConfigureAwait(false);
                var error = SocketError(fd);
                if (error != 0)
                {
                    throw LinuxNet.ToException(error, "connect");
                }
            }

            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    // connect(2): false when connected at once, true when in progress; throws when refused at once.
    private static unsafe bool StartConnect(int fd, IPEndPoint endpoint)
    {
        var one = 1;
        Interop.SetSockOpt(fd, LinuxNet.IpProtoTcp, LinuxNet.TcpNoDelay, &one, sizeof(int));
        var address = stackalloc byte[LinuxNet.SockAddrSize];
        var length = LinuxNet.WriteSockAddr(endpoint, new Span<byte>(address, LinuxNet.SockAddrSize));
        while (Interop.Connect(fd, address, length) != 0)
        {
            var errno = LinuxNet.LastErrno;
            if (errno == LinuxNet.EInProgress)
            {
                return true;
            }

            if (errno != LinuxNet.EIntr)
            {
                throw LinuxNet.ToException(errno, "connect");
            }
        }

        return false;
    }

    private static unsafe int SocketError(int fd)
    {
        int error = 0, length = sizeof(int);
        return Interop.GetSockOpt(fd, LinuxNet.SolSocket, LinuxNet.SoError, &error, &length) == 0 ? error : LinuxNet.LastErrno;
    }
}
