using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

public class LeastConnBalancerTests
{
    [Fact]
    public void Pick_FewestInFlight_Wins()
    {
        var pool = Pools.Of(1, 1, 1);
        pool.All[0].BeginRequest();
        pool.All[2].BeginRequest();

        Assert.Equal("s2", new LeastConnBalancer(pool).Pick(default, pool.Current.Servers)!.Name);
    }

    [Fact]
    public void Pick_AllIdle_RoundRobinInDeclarationOrder()
    {
        var pool = Pools.Of(1, 5, 1);

        Assert.Equal(["s1", "s2", "s3", "s1"], Pools.Picks(new LeastConnBalancer(pool), pool, 4));
    }

    [Fact]
    public void Pick_WeightsScaleTheLoad()
    {
        // Keys: s1 (1+1)*4096/16 = 512; s2 (3+1)*4096/64 = 256.
        var pool = Pools.Of(1, 4);
        pool.All[0].BeginRequest();
        for (var i = 0; i < 3; i++)
        {
            pool.All[1].BeginRequest();
        }

        Assert.Equal("s2", new LeastConnBalancer(pool).Pick(default, pool.Current.Servers)!.Name);
    }

    [Fact]
    public void Pick_RequestsHeldOpen_SpreadByWeight()
    {
        var pool = Pools.Of(1, 3);
        var balancer = new LeastConnBalancer(pool);

        for (var i = 0; i < 400; i++)
        {
            balancer.Pick(default, pool.Current.Servers)!.BeginRequest();
        }

        Assert.InRange(pool.All[1].InFlight, 295, 305);
    }
}
