using Proxy.Runtime;

namespace Proxy.LoadBalancing;

/// <summary>
/// haproxy 2.6's consistent-hash ring (src/lb_chash.c), used by `hash-type consistent` and `random`: each server has
/// weight × 16 points at avalanche(id × 4096 + j); a hash goes to the closer of the first point at or after it and
/// the point before (ties to the one before), then walks forward past servers it must skip. With
/// `hash-balance-factor`, a server whose load exceeds its share of factor% of the backend's total is skipped too.
/// </summary>
internal sealed class ConsistentRing
{
    private const int WeightScale = 16; // BE_WEIGHT_SCALE
    private const int PointsPerId = 4096; // SRV_EWGHT_RANGE

    private readonly uint[] _keys;
    private readonly ServerState[] _owners;
    private readonly ServerState[] _servers;
    private readonly int[] _cumulative; // by ServerState.Index: scaled weight of the servers before it
    private readonly int _totalWeight;
    private readonly int _balanceFactor;
    private int _last = -1;

    private ConsistentRing(uint[] keys, ServerState[] owners, ServerState[] servers, int[] cumulative, int balanceFactor)
    {
        _keys = keys;
        _owners = owners;
        _servers = servers;
        _cumulative = cumulative;
        _totalWeight = servers.Sum(ScaledWeight);
        _balanceFactor = balanceFactor;
    }

    /// <summary>Number of points on the ring.</summary>
    public int Count => _keys.Length;

    /// <summary>Places the points of <paramref name="servers"/>.</summary>
    public static ConsistentRing Build(IReadOnlyList<ServerState> servers, int balanceFactor = 0)
    {
        var points = new List<(ulong Order, ServerState Server)>();
        var cumulative = new int[servers.Count == 0 ? 0 : servers.Max(s => s.Index) + 1];
        var sum = 0;
        foreach (var server in servers)
        {
            cumulative[server.Index] = sum;
            sum += ScaledWeight(server);
            for (var j = 0; j < ScaledWeight(server); j++)
            {
                var key = HashFunctions.Avalanche(unchecked((uint)((server.Id * PointsPerId) + j)));
                // Equal keys stay in insertion order, as in haproxy's tree.
                points.Add((((ulong)key << 32) | (uint)points.Count, server));
            }
        }

        points.Sort((x, y) => x.Order.CompareTo(y.Order));
        return new ConsistentRing(
            [.. points.Select(p => (uint)(p.Order >> 32))], [.. points.Select(p => p.Server)], [.. servers], cumulative, balanceFactor);
    }

    /// <summary>The server for <paramref name="hash"/>, or null on an empty ring.</summary>
    public ServerState? ByHash(uint hash, IReadOnlyList<ServerState>? only)
    {
        if (_keys.Length == 0)
        {
            return null;
        }

        var next = LowerBound(hash);
        if (next == _keys.Length)
        {
            next = 0;
        }

        var previous = next == 0 ? _keys.Length - 1 : next - 1;
        var point = unchecked(hash - _keys[previous]) <= unchecked(_keys[next] - hash) ? previous : next;
        for (var walked = 0; walked < _keys.Length; walked++)
        {
            var server = _owners[point];
            if (Eligibility.Allows(only, server) && WithinBound(server))
            {
                return server;
            }

            point = point + 1 == _keys.Length ? 0 : point + 1;
        }

        // haproxy stops after one turn and keeps the last point it looked at.
        return Eligibility.Allows(only, _owners[point]) ? _owners[point] : null;
    }

    /// <summary>Round robin over the ring's points (haproxy chash_get_next_server), for requests without a key.</summary>
    public ServerState? Next(IReadOnlyList<ServerState>? only)
    {
        for (var walked = 0; walked < _keys.Length; walked++)
        {
            _last = _last + 1 >= _keys.Length ? 0 : _last + 1;
            if (Eligibility.Allows(only, _owners[_last]))
            {
                return _owners[_last];
            }
        }

        return null;
    }

    /// <summary>The scaled weight a server has on this ring (for `random`'s load comparison).</summary>
    public static int ScaledWeight(ServerState server) => ServerSet.WeightOf(server) * WeightScale;

    // haproxy 2.6 chash_server_is_eligible: slots = ceil((served + 1) × factor / 100), shared by weight.
    private bool WithinBound(ServerState server)
    {
        if (_balanceFactor == 0)
        {
            return true;
        }

        long served = 0;
        foreach (var s in _servers)
        {
            served += s.InFlight;
        }

        var totalSlots = (((served + 1) * _balanceFactor) + 99) / 100;
        var perWeight = totalSlots / _totalWeight;
        var remainder = totalSlots % _totalWeight;
        var weight = ScaledWeight(server);
        var before = _cumulative[server.Index];
        var slots = (weight * perWeight) + ((before + weight) * remainder / _totalWeight) - (before * remainder / _totalWeight);
        return server.InFlight < Math.Max(slots, 1);
    }

    private int LowerBound(uint hash)
    {
        int low = 0, high = _keys.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_keys[mid] < hash)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
