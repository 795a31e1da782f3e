using System.Net;
using Proxy.LoadBalancing;
using Proxy.Runtime;

namespace Proxy.Tests.LoadBalancing;

/// <summary>
/// Weight and admin changes an agent makes (ServerState.UserWeight / Admin) as every dynamic balancer sees them: the
/// pool's set is rebuilt, and the balancer rebuilds its map, tree or ring from it.
/// </summary>
public class AgentWeightBalancingTests
{
    public static TheoryData<string> Balancers => ["roundrobin", "leastconn", "consistent", "random", "first"];

    private static IBalancer Create(string name, ServerPool pool) => name switch
    {
        "roundrobin" => new RoundRobinBalancer(pool),
        "leastconn" => new LeastConnBalancer(pool),
        "consistent" => new HashBalancer(pool, SourceKeyHasher.Instance, new HashSettings(true, HashFunction.Sdbm, true), 0),
        "random" => new RandomBalancer(pool, 2, 0, new Random(7)),
        _ => new FirstBalancer(pool),
    };

    private static string[] Picks(IBalancer balancer, ServerPool pool, int count)
        => [.. Enumerable.Range(0, count).Select(i =>
            balancer.Pick(Requests.Get("/", new IPAddress([10, (byte)(i >> 16), (byte)(i >> 8), (byte)i])), pool.Current.Servers)!.Name)];

    [Theory]
    [MemberData(nameof(Balancers))]
    public void Pick_Drained_NoNewPicksUntilReady(string algorithm)
    {
        var pool = Pools.Of(1, 1, 1);
        var balancer = Create(algorithm, pool);
        _ = Picks(balancer, pool, 10);

        pool.All[0].Admin = ServerAdminState.Drain;
        var drained = Picks(balancer, pool, 300);
        pool.All[0].Admin = ServerAdminState.Ready;
        pool.All[1].Admin = ServerAdminState.Drain;
        pool.All[2].Admin = ServerAdminState.Drain;
        var back = Picks(balancer, pool, 30);

        Assert.DoesNotContain("s1", drained);
        Assert.All(back, n => Assert.Equal("s1", n));
    }

    [Theory]
    [MemberData(nameof(Balancers))]
    public void Pick_Maint_NoPicks(string algorithm)
    {
        var pool = Pools.Of(1, 1);
        var balancer = Create(algorithm, pool);

        pool.All[0].Admin = ServerAdminState.Maint;

        Assert.All(Picks(balancer, pool, 100), n => Assert.Equal("s2", n));
        Assert.False(pool.All[0].IsUsable);
    }

    [Theory]
    [MemberData(nameof(Balancers))]
    public void Pick_ZeroPercent_NoPicks(string algorithm)
    {
        var pool = Pools.Of(10, 10);
        var balancer = Create(algorithm, pool);
        _ = Picks(balancer, pool, 10);

        pool.All[1].UserWeight = 0;

        Assert.All(Picks(balancer, pool, 200), n => Assert.Equal("s1", n));
    }

    [Fact]
    public void Pick_RoundRobinHalfWeight_HalfTheShare()
    {
        // s1 at 50% of 10 against s2 at 10: one third of the picks, within 2 points over 10,000.
        var pool = Pools.Of(10, 10);
        var balancer = new RoundRobinBalancer(pool);
        _ = Pools.Picks(balancer, pool, 7);

        pool.All[0].UserWeight = 5;

        var share = Pools.Picks(balancer, pool, 10_000).Count(n => n == "s1") / 10_000.0;
        Assert.InRange(share, (1 / 3.0) - 0.02, (1 / 3.0) + 0.02);
        Distribution.AssertFollowsWeights(balancer, pool);
    }

    [Fact]
    public void Pick_ConsistentHalfWeight_HalfTheShare()
    {
        var pool = Pools.Of(10, 10);
        var balancer = Create("consistent", pool);

        pool.All[0].UserWeight = 5;

        var share = Picks(balancer, pool, 10_000).Count(n => n == "s1") / 10_000.0;
        Assert.InRange(share, (1 / 3.0) - 0.05, (1 / 3.0) + 0.05);
    }

    [Fact]
    public void Weight_ChangedAfterSetBuilt_BalancersNeverDivideByZero()
    {
        var pool = Pools.Of(1, 1);
        var set = pool.Current;
        pool.All[0].UserWeight = 0;

        Assert.Equal(2, set.TotalWeight);
        Assert.Equal(1, ServerSet.WeightOf(pool.All[0]));
        Assert.Equal(16, ConsistentRing.ScaledWeight(pool.All[0]));
    }
}
