using Proxy.LoadBalancing;
using Proxy.Runtime;

namespace Proxy.Tests.LoadBalancing;

public class RoundRobinBalancerTests
{
    [Fact]
    public void Pick_NoServer_ReturnsNull()
    {
        var balancer = new RoundRobinBalancer(0);

        Assert.Null(balancer.Pick(default, []));
    }

    [Fact]
    public void Pick_OneServer_AlwaysReturnsIt()
    {
        var servers = TestModel.Servers(5);
        var balancer = new RoundRobinBalancer(1);

        Assert.All(Enumerable.Range(0, 10), _ => Assert.Same(servers[0], balancer.Pick(default, servers)));
    }

    [Fact]
    public void Pick_EqualWeights_AlternatesInDeclarationOrder()
    {
        var servers = TestModel.Servers(1, 1, 1);
        var balancer = new RoundRobinBalancer(3);

        var names = Enumerable.Range(0, 6).Select(_ => balancer.Pick(default, servers)!.Name);

        Assert.Equal(["s1", "s2", "s3", "s1", "s2", "s3"], names);
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3 })]
    [InlineData(new[] { 3, 1 })]
    [InlineData(new[] { 10, 20, 30 })]
    [InlineData(new[] { 256, 1 })]
    public void Pick_UnequalWeights_EachCycleMatchesWeightsExactly(int[] weights)
    {
        var servers = TestModel.Servers(weights);
        var balancer = new RoundRobinBalancer(servers.Length);
        var cycle = weights.Sum();

        var counts = Enumerable.Range(0, cycle * 4).Select(_ => balancer.Pick(default, servers)!.Index)
            .GroupBy(i => i).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(servers, s => Assert.Equal(weights[s.Index] * 4, counts[s.Index]));
    }

    [Fact]
    public void Pick_HeavyServer_IsInterleavedNotBurst()
    {
        // Weights 5,1,1: the heavy server must not take five picks in a row (smooth interleaving).
        var servers = TestModel.Servers(5, 1, 1);
        var balancer = new RoundRobinBalancer(3);

        var sequence = string.Concat(Enumerable.Range(0, 7).Select(_ => balancer.Pick(default, servers)!.Name[1..]));

        Assert.DoesNotContain("111", sequence);
        Assert.Equal(5, sequence.Count(c => c == '1'));
    }

    [Fact]
    public void Pick_ServerLeavesEligibleList_OthersShareTheTraffic()
    {
        var servers = TestModel.Servers(1, 1, 1);
        var balancer = new RoundRobinBalancer(3);
        balancer.Pick(default, servers);

        ServerState[] remaining = [servers[0], servers[2]];
        var names = Enumerable.Range(0, 100).Select(_ => balancer.Pick(default, remaining)!.Name).ToArray();

        // Credit left over from the departed server may skew the first picks by one or two, never more.
        Assert.Equal(100, names.Count(n => n is "s1" or "s3"));
        Assert.InRange(names.Count(n => n == "s1"), 48, 52);
    }

    [Fact]
    public void Pick_ConcurrentCallers_KeepsExactProportions()
    {
        var servers = TestModel.Servers(1, 3);
        var balancer = new RoundRobinBalancer(2);
        var counts = new int[2];

        Parallel.For(0, 4000, _ => Interlocked.Increment(ref counts[balancer.Pick(default, servers)!.Index]));

        Assert.Equal([1000, 3000], counts);
    }
}
