using System.Net;
using ConfigParser.Model;

namespace Proxy.Runtime;

/// <summary>
/// A server at run time: its definition plus what changes while running (weight now; health and live
/// counters with later work). Thread-safe; balancers read it, health checks will write it.
/// </summary>
internal sealed class ServerState
{
    private readonly string? _prefix;

    public ServerState(ServerDefinition definition, int index, int id = 0)
    {
        Definition = definition;
        Index = index;
        Id = id > 0 ? id : definition.Id ?? index + 1;
        Weight = definition.Weight;
        _usable = !definition.Disabled;
        if (definition.Port is { } port)
        {
            _prefix = Prefix(definition.Host, port, Tls.ServerTls.SniFromHost(definition));
        }
    }

    public ServerDefinition Definition { get; }

    public string Name => Definition.Name;

    /// <summary>Position in the backend's server list (declaration order), for balancers' per-server slots.</summary>
    public int Index { get; }

    /// <summary>
    /// The numeric id (haproxy 2.6 `puid`): `id N`, or the first free number from 1 in declaration order. `first`
    /// orders servers by it and the consistent-hash ring places a server's points by it.
    /// </summary>
    public int Id { get; }

    private int _inFlight;
    private volatile bool _usable;

    /// <summary>
    /// False while the server must not take new traffic (maintenance, `disabled`, health down with later work). Setting
    /// it tells the backend's <see cref="LoadBalancing.ServerPool"/>, which rebuilds the balancing set.
    /// </summary>
    public bool IsUsable
    {
        get => _usable;
        set
        {
            if (_usable == value)
            {
                return;
            }

            _usable = value;
            UsabilityChanged?.Invoke(this);
        }
    }

    /// <summary>
    /// Passive health (`observe layer4|layer7`); null otherwise, so the data path's report is one null test. The
    /// forwarding handler reports each attempt's outcome to it.
    /// </summary>
    public Health.PassiveHealth? Observer { get; set; }

    /// <summary>Raised after <see cref="IsUsable"/> changed.</summary>
    public event Action<ServerState>? UsabilityChanged;

    /// <summary>The effective weight; 0 means the balancer never picks it.</summary>
    public int Weight { get; }

    /// <summary>
    /// Requests this server is serving now (haproxy 2.6 `served`); leastconn and random(N) read it. The data path
    /// calls <see cref="BeginRequest"/> once a request is assigned to the server and <see cref="EndRequest"/> once.
    /// </summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Counts a request assigned to this server.</summary>
    public void BeginRequest() => Interlocked.Increment(ref _inFlight);

    /// <summary>Counts a request that left this server.</summary>
    public void EndRequest() => Interlocked.Decrement(ref _inFlight);

    /// <summary>
    /// The "http://host:port" (https for `ssl … sni req.hdr(host)`) YARP forwards to. A server without a port uses the port the client connected to
    /// (haproxy 2.6 configuration.txt §5.2).
    /// </summary>
    public string DestinationPrefix(int clientLocalPort) => _prefix ?? Prefix(Definition.Host, clientLocalPort, Tls.ServerTls.SniFromHost(Definition));

    // `ssl … sni req.hdr(host)` servers are reached over https with the pool's TLS; other `ssl` servers over http://
    // with the handshake made at connect time (Proxy.Tls.ServerTls, ServerTlsConnector).
    private static string Prefix(string host, int port, bool ssl)
        => IPAddress.TryParse(host, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? $"{(ssl ? "https" : "http")}://[{host}]:{port}"
            : $"{(ssl ? "https" : "http")}://{host}:{port}";
}
