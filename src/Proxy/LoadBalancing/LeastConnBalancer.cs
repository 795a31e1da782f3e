using Proxy.Runtime;

namespace Proxy.LoadBalancing;

/// <summary>
/// `balance leastconn` (haproxy 2.6 src/lb_fwlc.c): the server with the lowest load key, where the key is 0 when idle
/// and (in flight + 1) × 4096 ÷ (weight × 16) otherwise. Equal keys go round robin: haproxy requeues a server at the
/// end of its key's group when it takes a request, so the one picked longest ago wins (declaration order at start).
/// </summary>
internal sealed class LeastConnBalancer : IBalancer
{
    private readonly ServerPool _pool;
    private readonly Lock _lock = new();
    private readonly long[] _lastPicked; // by ServerState.Index
    private long _clock;

    public LeastConnBalancer(ServerPool pool)
    {
        _pool = pool;
        _lastPicked = new long[pool.All.Count];
        for (var i = 0; i < _lastPicked.Length; i++)
        {
            _lastPicked[i] = i - _lastPicked.Length;
        }
    }

    public ServerState? Pick(in BalanceContext context, IReadOnlyList<ServerState> eligible)
    {
        var servers = _pool.Current.Servers;
        var only = Eligibility.Restriction(_pool.Current, eligible);
        lock (_lock)
        {
            ServerState? best = null;
            long bestKey = 0;
            foreach (var server in servers)
            {
                if (!Eligibility.Allows(only, server))
                {
                    continue;
                }

                var key = Key(server);
                if (best is null || key < bestKey || (key == bestKey && _lastPicked[server.Index] < _lastPicked[best.Index]))
                {
                    (best, bestKey) = (server, key);
                }
            }

            if (best is null)
            {
                return Eligibility.FirstOf(eligible);
            }

            _lastPicked[best.Index] = ++_clock;
            return best;
        }
    }

    /// <summary>haproxy 2.6 fwlc_queue_srv's tree key.</summary>
    public static long Key(ServerState server)
    {
        long inFlight = server.InFlight;
        return inFlight == 0 ? 0 : (inFlight + 1) * 4096 / (ServerSet.WeightOf(server) * 16L);
    }
}
