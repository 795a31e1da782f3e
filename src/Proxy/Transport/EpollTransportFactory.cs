using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Proxy.Transport;

/// <summary>
/// Kestrel's transport for TCP binds on Linux: listening sockets and their connections on our own epoll loops
/// (<see cref="EpollLoops"/>). Other endpoints (unix sockets), other systems, or
/// `PROXY_TRANSPORT=sockets` in the environment leave the bind to Kestrel's socket transport.
/// </summary>
/// <remarks>
/// Why our own: .NET's socket engine probes every read with a recv(2) that returns EAGAIN and a one-byte MSG_PEEK
/// before each of Kestrel's reads; with the forwarder's own reads that was 6 system calls per keep-alive request
/// against haproxy's 4, and its per-operation locks and event-args were a measurable share of the user time
/// (bench/RESULTS.md).
/// </remarks>
internal sealed class EpollTransportFactory : IConnectionListenerFactory, IConnectionListenerFactorySelector
{
    // Kestrel's defaults for the socket transport's backlog and pipe thresholds.
    private const int Backlog = 512;
    private const long MaxOutputBuffer = 64 * 1024;

    private readonly Func<EndPoint, Socket> _bind;
    private readonly MemoryPool<byte> _pool;
    private readonly long _maxInput;

    public EpollTransportFactory(IOptions<KestrelServerOptions> kestrel, Func<EndPoint, Socket> bind, IMemoryPoolFactory<byte>? pools = null)
    {
        _bind = bind;
        _pool = pools?.Create() ?? MemoryPool<byte>.Shared;
        _maxInput = kestrel.Value.Limits.MaxRequestBufferSize ?? 1024 * 1024;
    }

    /// <summary>True when the epoll transport is to be used (Linux, not turned off by PROXY_TRANSPORT=sockets).</summary>
    public static bool Enabled { get; } = OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("PROXY_TRANSPORT") != "sockets";

    public bool CanBind(EndPoint endpoint) => Enabled && endpoint is IPEndPoint;

    public ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        Socket? socket = null;
        try
        {
            socket = _bind(endpoint);
            socket.Listen(Backlog);
            socket.Blocking = false;
            return ValueTask.FromResult<IConnectionListener>(new EpollListener(socket, EpollLoops.Next(), _pool, _maxInput, MaxOutputBuffer));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            // What Kestrel's socket transport throws, so startup reports it the same way (Program).
            socket?.Dispose();
            throw new AddressInUseException(e.Message, e);
        }
        catch
        {
            socket?.Dispose();
            throw;
        }
    }
}
