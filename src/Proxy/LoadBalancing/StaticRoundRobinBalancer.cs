using Proxy.Runtime;

namespace Proxy.LoadBalancing;

/// <summary>
/// `balance static-rr` (haproxy 2.6 src/lb_map.c map_get_server_rr): walks the static server map slot by slot, so
/// the order is the map's ("largest accumulated score" over gcd-reduced weights).
/// </summary>
internal sealed class StaticRoundRobinBalancer(ServerPool pool) : IBalancer
{
    private readonly int _divisor = MapTable.WeightDivisor(pool.All);
    private readonly Lock _lock = new();
    private ServerSet? _built;
    private MapTable? _map;
    private int _index;

    public ServerState? Pick(in BalanceContext context, IReadOnlyList<ServerState> eligible)
    {
        var set = pool.Current;
        if (set.Servers.Length == 0 || eligible.Count == 0)
        {
            return null;
        }

        var only = Eligibility.Restriction(set, eligible);
        lock (_lock)
        {
            if (!ReferenceEquals(set, _built))
            {
                _built = set;
                _map = MapTable.Build(set.Servers, _divisor);
            }

            return _map!.Walk(_index % _map.Slots.Length, only, out _index) ?? Eligibility.FirstOf(eligible);
        }
    }
}
