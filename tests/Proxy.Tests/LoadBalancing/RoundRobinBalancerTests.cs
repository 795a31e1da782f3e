using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

public class RoundRobinBalancerTests
{
    [Fact]
    public void Pick_NoServer_ReturnsNull()
    {
        var pool = Pools.Of();

        Assert.Null(new RoundRobinBalancer(pool).Pick(default, pool.Current.Servers));
    }

    [Fact]
    public void Pick_OneServer_AlwaysReturnsIt()
    {
        var pool = Pools.Of(5);

        Assert.All(Pools.Picks(new RoundRobinBalancer(pool), pool, 10), n => Assert.Equal("s1", n));
    }

    [Fact]
    public void Pick_EqualWeights_DeclarationOrder()
    {
        var pool = Pools.Of(1, 1, 1);

        Assert.Equal(["s1", "s2", "s3", "s1", "s2", "s3"], Pools.Picks(new RoundRobinBalancer(pool), pool, 6));
    }

    [Fact]
    public void Pick_UnequalWeights_HaproxySequence()
    {
        // Measured with haproxy 2.6.12 (servers weight 1, 2, 3; the first twelve picks after start).
        var pool = Pools.Of(1, 2, 3);

        Assert.Equal("s3 s2 s3 s1 s3 s2 s3 s2 s3 s1 s3 s2", string.Join(' ', Pools.Picks(new RoundRobinBalancer(pool), pool, 12)));
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3, 4 })]
    [InlineData(new[] { 5, 3, 2, 7 })]
    [InlineData(new[] { 256, 1, 13 })]
    public void Pick_10000Picks_WithinTwoPercentOfWeights(int[] weights)
    {
        var pool = Pools.Of(weights);

        Distribution.AssertFollowsWeights(new RoundRobinBalancer(pool), pool);
    }

    [Fact]
    public void Pick_ServerMarkedUnusable_OthersShareTheTraffic()
    {
        var pool = Pools.Of(1, 1, 1);
        var balancer = new RoundRobinBalancer(pool);
        Pools.Picks(balancer, pool, 2);

        pool.All[1].IsUsable = false;

        Assert.Equal(["s1", "s3", "s1", "s3"], Pools.Picks(balancer, pool, 4));
    }

    [Fact]
    public void Pick_RestrictedList_StaysWithinIt()
    {
        var pool = Pools.Of(1, 1, 1);
        var balancer = new RoundRobinBalancer(pool);

        var picks = Enumerable.Range(0, 30).Select(_ => balancer.Pick(default, [pool.All[2]])!.Name);

        Assert.All(picks, n => Assert.Equal("s3", n));
    }

    [Fact]
    public void Pick_RestrictedThenFull_SequenceContinues()
    {
        var pool = Pools.Of(1, 1, 1);
        var balancer = new RoundRobinBalancer(pool);
        Assert.Equal("s2", balancer.Pick(default, [pool.All[1], pool.All[2]])!.Name);

        Assert.Equal(["s3", "s1", "s2", "s3"], Pools.Picks(balancer, pool, 4));
    }
}
