using System.Collections.Concurrent;
using System.Net;
using Proxy.Runtime;

namespace Proxy.Http.Upstream;

/// <summary>
/// A backend's HTTP/1.1 connection pools, one per server, made on first use. Servers addressed over https://
/// (`ssl … sni req.hdr(host)`, whose TLS depends on the request) and servers without a port stay with YARP.
/// </summary>
internal sealed class H1Upstream(UpstreamConnector connector, TimeProvider time)
{
    // SocketsHttpHandler's PooledConnectionIdleTimeout, which the YARP path uses.
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<ServerState, H1ConnectionPool?> _pools = new();

    /// <summary>The pool for <paramref name="server"/>, or null when the server is not reached this way.</summary>
    public H1ConnectionPool? PoolFor(ServerState server)
        => _pools.TryGetValue(server, out var pool) ? pool : _pools.GetOrAdd(server, static (s, self) => self.NewPool(s), this);

    private H1ConnectionPool? NewPool(ServerState server)
    {
        if (server.Definition.Port is not { } port || !server.DestinationPrefix(port).StartsWith("http:", StringComparison.Ordinal))
        {
            return null;
        }

        return new H1ConnectionPool(new DnsEndPoint(server.Definition.Host, port), connector, IdleTimeout, time);
    }
}
