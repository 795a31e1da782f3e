using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

public class FirstBalancerTests
{
    [Fact]
    public void Pick_LowestIdWithFreeSlot()
    {
        var pool = Pools.Of([Pools.Server("a", id: 3, maxConn: 1), Pools.Server("b", id: 1, maxConn: 2), Pools.Server("c", maxConn: 1)]);
        var balancer = new FirstBalancer(pool);

        var picks = Enumerable.Range(0, 4).Select(_ =>
        {
            var server = balancer.Pick(default, pool.Current.Servers)!;
            server.BeginRequest();
            return server.Name;
        });

        // Ids: b=1, a=3, c=4 (the id counter is at 3 when c comes, and 3 is taken).
        Assert.Equal(["b", "b", "a", "c"], picks);
    }

    [Fact]
    public void Pick_NoMaxConn_AlwaysTheFirst()
    {
        var pool = Pools.Of(1, 1);
        pool.All[0].BeginRequest();

        Assert.Equal(["s1", "s1"], Pools.Picks(new FirstBalancer(pool), pool, 2));
    }

    [Fact]
    public void Pick_AllFull_LowestIdForItsQueue()
    {
        var pool = Pools.Of([Pools.Server("a", maxConn: 1), Pools.Server("b", maxConn: 1)]);
        pool.All[0].BeginRequest();
        pool.All[1].BeginRequest();

        Assert.Equal("a", new FirstBalancer(pool).Pick(default, pool.Current.Servers)!.Name);
    }
}
