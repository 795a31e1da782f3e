using Proxy.Runtime;

namespace Proxy.LoadBalancing;

/// <summary>
/// `balance random[(N)]` (haproxy 2.6 src/backend.c get_server_rnd): N random keys on the consistent-hash ring (with
/// `hash-balance-factor` honoured), keeping the candidate with the lowest in-flight ÷ weight ("power of N choices").
/// The randomness is injected.
/// </summary>
internal sealed class RandomBalancer(ServerPool pool, int draws, int balanceFactor, Random random) : IBalancer
{
    private readonly Lock _lock = new();
    private ServerSet? _built;
    private ConsistentRing? _ring;

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

        lock (_lock)
        {
            if (!ReferenceEquals(set, _built))
            {
                _built = set;
                _ring = ConsistentRing.Build(set.Servers, balanceFactor);
            }

            ServerState? best = null;
            for (var draw = 0; draw < Math.Max(draws, 1); draw++)
            {
                var candidate = _ring!.ByHash((uint)random.NextInt64(0, 1L << 32), only);
                if (candidate is null)
                {
                    continue;
                }

                // Keep the previous one when the candidate is more loaded relative to its weight.
                if (best is null || (long)candidate.InFlight * ConsistentRing.ScaledWeight(best) <= (long)best.InFlight * ConsistentRing.ScaledWeight(candidate))
                {
                    best = candidate;
                }
            }

            return best ?? Eligibility.FirstOf(eligible);
        }
    }
}
