using Proxy.Runtime;

namespace Proxy.LoadBalancing;

/// <summary>
/// `balance first` (haproxy 2.6 src/lb_fas.c): the usable server with the lowest numeric id that still has a free
/// slot under its `maxconn` (no maxconn: always free); weights do not matter. When every one is full HAProxy queues
/// the request in the backend; here the lowest-id server is returned so that its own queue takes it.
/// </summary>
internal sealed class FirstBalancer(ServerPool pool) : IBalancer
{
    private ServerSet? _built;
    private ServerState[] _byId = [];

    public ServerState? Pick(in BalanceContext context, IReadOnlyList<ServerState> eligible)
    {
        var set = pool.Current;
        var only = Eligibility.Restriction(set, eligible);
        var byId = Ordered(set);
        ServerState? lowest = null;
        foreach (var server in byId)
        {
            if (!Eligibility.Allows(only, server))
            {
                continue;
            }

            lowest ??= server;
            var maxConn = server.Definition.MaxConn;
            if (maxConn == 0 || server.InFlight < maxConn)
            {
                return server;
            }
        }

        return lowest ?? Eligibility.FirstOf(eligible);
    }

    private ServerState[] Ordered(ServerSet set)
    {
        // A benign race: two threads may both sort the same set; each result is correct.
        var built = Volatile.Read(ref _built);
        if (ReferenceEquals(built, set))
        {
            return Volatile.Read(ref _byId);
        }

        var byId = set.Servers.OrderBy(s => s.Id).ToArray();
        Volatile.Write(ref _byId, byId);
        Volatile.Write(ref _built, set);
        return byId;
    }
}
