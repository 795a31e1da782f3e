using System.Net;

namespace Proxy.Runtime;

/// <summary>
/// The current immutable snapshot of frontends and backends. The data path reads it and never the parser
/// model; a reload will build a new one and swap it in.
/// </summary>
internal sealed class ProxyRuntime(IReadOnlyList<FrontendState> frontends, IReadOnlyList<BackendState> backends, IReadOnlyList<ListenerBinding> listeners)
{
    private readonly Dictionary<int, ListenerBinding[]> _byPort = listeners
        .GroupBy(l => l.Endpoint.Port)
        .ToDictionary(g => g.Key, g => g.OrderBy(l => l.Endpoint.Address.Equals(IPAddress.Any) || l.Endpoint.Address.Equals(IPAddress.IPv6Any)).ToArray());

    public IReadOnlyList<FrontendState> Frontends { get; } = frontends;

    /// <summary>global `maxconn`: client connections of the whole process; null when unset.</summary>
    public ConnectionLimit? Connections { get; init; }

    /// <summary>Log targets and access-log plans of this configuration.</summary>
    public Logging.AccessLogRegistry AccessLogs { get; init; } = Logging.AccessLogRegistry.None;

    public IReadOnlyList<BackendState> Backends { get; } = backends;

    /// <summary>global `spread-checks`: ± percent of jitter on health-check intervals.</summary>
    public int SpreadChecks { get; init; }

    /// <summary>The global section, for what checks share with traffic (`ssl-server-verify`, ssl-default-server-*).</summary>
    public ConfigParser.Model.GlobalSection Global { get; init; } = new();

    /// <summary>Every endpoint Kestrel listens on, with the frontend it belongs to.</summary>
    public IReadOnlyList<ListenerBinding> Listeners { get; } = listeners;

    /// <summary>The frontend that owns the local endpoint a connection arrived on: exact address first, then a wildcard bind.</summary>
    public FrontendState? ResolveFrontend(IPAddress? localAddress, int localPort)
    {
        if (!_byPort.TryGetValue(localPort, out var candidates))
        {
            return null;
        }

        if (localAddress is { IsIPv4MappedToIPv6: true })
        {
            localAddress = localAddress.MapToIPv4();
        }

        foreach (var candidate in candidates)
        {
            var address = candidate.Endpoint.Address;
            if (address.Equals(localAddress) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            {
                return candidate.Frontend;
            }
        }

        return null;
    }
}
