using Proxy.Runtime;

namespace Proxy.LoadBalancing;

/// <summary>
/// Every hashing `balance` (source, uri, url_param, hdr, rdp-cookie, hash): a key extractor, then the `hash-type`
/// mapping of hashes to servers (<see cref="MapTable"/> or <see cref="ConsistentRing"/>). haproxy 2.6 src/backend.c:
/// one usable server is returned without hashing; a request without a key goes round robin over the same structure.
/// </summary>
internal sealed class HashBalancer(ServerPool pool, IKeyHasher keys, HashSettings settings, int balanceFactor) : IBalancer
{
    private readonly int _divisor = MapTable.WeightDivisor(pool.All);
    private readonly Lock _lock = new();
    private volatile Tables? _tables;
    private int _roundRobin;

    public ServerState? Pick(in BalanceContext context, IReadOnlyList<ServerState> eligible)
    {
        var set = pool.Current;
        if (set.Servers.Length == 0 || eligible.Count == 0)
        {
            return null;
        }

        var only = Eligibility.Restriction(set, eligible);
        if (set.Servers.Length == 1 && only is null)
        {
            return set.Servers[0];
        }

        var tables = _tables;
        if (tables is null || !ReferenceEquals(tables.Set, set))
        {
            tables = Build(set);
        }

        if (keys.TryHash(context, settings, out var hash))
        {
            return (tables.Ring is { } ring ? ring.ByHash(hash, only) : tables.Map!.ByHash(hash, only)) ?? Eligibility.FirstOf(eligible);
        }

        lock (_lock)
        {
            if (tables.Ring is { } ring)
            {
                return ring.Next(only) ?? Eligibility.FirstOf(eligible);
            }

            return tables.Map!.Walk(_roundRobin % tables.Map.Slots.Length, only, out _roundRobin) ?? Eligibility.FirstOf(eligible);
        }
    }

    private Tables Build(ServerSet set)
    {
        lock (_lock)
        {
            if (_tables is { } built && ReferenceEquals(built.Set, set))
            {
                return built;
            }

            var tables = settings.Consistent
                ? new Tables(set, null, ConsistentRing.Build(set.Servers, balanceFactor))
                : new Tables(set, MapTable.Build(set.Servers, _divisor), null);
            _tables = tables;
            return tables;
        }
    }

    private sealed record Tables(ServerSet Set, MapTable? Map, ConsistentRing? Ring);
}
