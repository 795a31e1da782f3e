using ConfigParser.Model;
using Proxy.LoadBalancing;
using Proxy.Runtime;

namespace Proxy.Tests.LoadBalancing;

/// <summary>Server pools for balancer tests.</summary>
internal static class Pools
{
    /// <summary>Active servers s1, s2 … with these weights, ids 1, 2 ….</summary>
    public static ServerPool Of(params int[] weights) => new(TestModel.Servers(weights), allBackups: false);

    /// <summary>A pool of these definitions, ids assigned as haproxy does.</summary>
    public static ServerPool Of(IReadOnlyList<ServerDefinition> definitions, bool allBackups = false)
    {
        var ids = ServerIds.Assign(definitions);
        return new ServerPool([.. definitions.Select((d, i) => new ServerState(d, i, ids[i]))], allBackups);
    }

    /// <summary>A server definition.</summary>
    public static ServerDefinition Server(string name, int weight = 1, bool backup = false, int? id = null, int maxConn = 0)
        => new(TestModel.At, name, "127.0.0.1", 80, weight) { Backup = backup, Id = id, MaxConn = maxConn };

    /// <summary><paramref name="count"/> picks' server names.</summary>
    public static string[] Picks(IBalancer balancer, ServerPool pool, int count, BalanceContext context = default)
        => [.. Enumerable.Range(0, count).Select(_ => balancer.Pick(context, pool.Current.Servers)!.Name)];
}
