using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

public class RandomBalancerTests
{
    [Fact]
    public void Pick_OneDraw_FollowsTheRingsWeights()
    {
        var pool = Pools.Of(1, 3);
        var balancer = new RandomBalancer(pool, 1, 0, new Random(1));

        var heavy = Pools.Picks(balancer, pool, 10_000).Count(n => n == "s2");

        // Consistent-hash rings are less smooth than maps: allow 5 points.
        Assert.InRange(heavy, 7000, 8000);
    }

    [Fact]
    public void Pick_TwoDraws_PrefersTheLessLoaded()
    {
        var pool = Pools.Of(1, 1);
        for (var i = 0; i < 10; i++)
        {
            pool.All[0].BeginRequest();
        }

        var balancer = new RandomBalancer(pool, 2, 0, new Random(7));

        var picks = Pools.Picks(balancer, pool, 1000);

        // s1 only wins when both draws land on it (about a quarter of the time).
        Assert.InRange(picks.Count(n => n == "s1"), 150, 350);
    }

    [Fact]
    public void Pick_SameSeed_SameSequence()
    {
        var pool = Pools.Of(1, 2, 3);

        Assert.Equal(
            Pools.Picks(new RandomBalancer(pool, 2, 0, new Random(3)), pool, 50),
            Pools.Picks(new RandomBalancer(pool, 2, 0, new Random(3)), pool, 50));
    }
}
