using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

public class StaticRoundRobinBalancerTests
{
    [Fact]
    public void Pick_WalksTheMapInOrder()
    {
        var pool = Pools.Of(1, 2, 3);

        Assert.Equal("s1 s3 s2 s3 s2 s3 s1 s3", string.Join(' ', Pools.Picks(new StaticRoundRobinBalancer(pool), pool, 8)));
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3, 4 })]
    [InlineData(new[] { 10, 20, 30 })]
    public void Pick_10000Picks_WithinTwoPercentOfWeights(int[] weights)
    {
        var pool = Pools.Of(weights);

        Distribution.AssertFollowsWeights(new StaticRoundRobinBalancer(pool), pool);
    }

    [Fact]
    public void Pick_ServerMarkedUnusable_NeverPicked()
    {
        var pool = Pools.Of(1, 1, 1);
        var balancer = new StaticRoundRobinBalancer(pool);
        pool.All[0].IsUsable = false;

        Assert.DoesNotContain("s1", Pools.Picks(balancer, pool, 10));
    }
}
