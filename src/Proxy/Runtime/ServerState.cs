using System.Net;
using ConfigParser.Model;

namespace Proxy.Runtime;

/// <summary>
/// A server at run time: its definition plus what changes while running: health, the admin state and weight an
/// agent sets (haproxy 2.6 `agent-check`), live counters. Thread-safe; balancers read it, health checks write it.
/// </summary>
internal sealed class ServerState
{
    private readonly string? _prefix;

    public ServerState(ServerDefinition definition, int index, int id = 0)
    {
        Definition = definition;
        Index = index;
        Id = id > 0 ? id : definition.Id ?? index + 1;
        _userWeight = definition.Weight;
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

    /// <summary>haproxy 2.6 SRV_UWGHT_MAX: a weight an agent sets never exceeds it.</summary>
    public const int MaxWeight = 256;

    private int _inFlight;
    private volatile bool _usable;
    private volatile int _userWeight;
    private volatile ServerAdminState _admin;

    /// <summary>
    /// False while the server must not take new traffic: `disabled`, health DOWN, or forced maintenance. The setter
    /// records the health verdict only, so a server in maintenance reads false whatever it is set to. A change tells
    /// the backend's <see cref="LoadBalancing.ServerPool"/>, which rebuilds the balancing set.
    /// </summary>
    public bool IsUsable
    {
        get => _usable && _admin != ServerAdminState.Maint;
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

    /// <summary>The health verdict alone (UP), whatever the admin state.</summary>
    public bool IsUp => _usable;

    /// <summary>
    /// The forced admin state an agent sets (haproxy 2.6 SRV_ADMF_DRAIN / SRV_ADMF_FMAINT): drain keeps the server UP
    /// with an effective weight of 0, maint takes it out of service whatever its health.
    /// </summary>
    public ServerAdminState Admin
    {
        get => _admin;
        set
        {
            if (_admin == value)
            {
                return;
            }

            _admin = value;
            UsabilityChanged?.Invoke(this);
        }
    }

    /// <summary>The configured weight (haproxy 2.6 `iweight`): what an agent's percentage is relative to.</summary>
    public int InitialWeight => Definition.Weight;

    /// <summary>The weight set at run time (haproxy 2.6 `uweight`), 0..<see cref="MaxWeight"/>; the configured one at start.</summary>
    public int UserWeight
    {
        get => _userWeight;
        set
        {
            var weight = Math.Clamp(value, 0, MaxWeight);
            if (_userWeight == weight)
            {
                return;
            }

            _userWeight = weight;
            UsabilityChanged?.Invoke(this);
        }
    }

    /// <summary>
    /// Passive health (`observe layer4|layer7`); null otherwise, so the data path's report is one null test. The
    /// forwarding handler reports each attempt's outcome to it.
    /// </summary>
    public Health.PassiveHealth? Observer { get; set; }

    /// <summary>Raised after <see cref="IsUsable"/>, <see cref="Admin"/> or <see cref="UserWeight"/> changed: balancers rebuild.</summary>
    public event Action<ServerState>? UsabilityChanged;

    /// <summary>The effective weight: the user weight, 0 while draining; 0 means the balancer never picks it.</summary>
    public int Weight => _admin == ServerAdminState.Drain ? 0 : _userWeight;

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
