using Proxy.Runtime;

namespace Proxy.LoadBalancing;

/// <summary>
/// `balance roundrobin`: each server is picked in proportion to its weight, interleaved rather than in bursts
/// (smooth weighted round robin: every pick adds each weight to its server's credit, the richest server wins
/// and pays the total). HAProxy's own fwrr tree yields a different interleaving; matching its exact sequence
/// is the job of the balance-algorithm work.
/// </summary>
internal sealed class RoundRobinBalancer(int serverCount) : IBalancer
{
    private readonly long[] _credit = new long[serverCount];
    private readonly Lock _lock = new();

    public ServerState? Pick(in BalanceContext context, IReadOnlyList<ServerState> eligible)
    {
        switch (eligible.Count)
        {
            case 0:
                return null;
            case 1:
                return eligible[0];
        }

        lock (_lock)
        {
            ServerState? best = null;
            long total = 0;
            for (var i = 0; i < eligible.Count; i++)
            {
                var server = eligible[i];
                total += server.Weight;
                var credit = _credit[server.Index] += server.Weight;
                if (best is null || credit > _credit[best.Index])
                {
                    best = server;
                }
            }

            _credit[best!.Index] -= total;
            return best;
        }
    }
}
