using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

public class ConsistentRingTests
{
    [Fact]
    public void Build_PointsPerServer_WeightTimesSixteen()
        => Assert.Equal((1 + 3) * 16, ConsistentRing.Build(TestModel.Servers(1, 3)).Count);

    [Fact]
    public void ByHash_ExactPoint_ItsServer()
    {
        var servers = TestModel.Servers(1, 1);
        var ring = ConsistentRing.Build(servers);

        // Server id 2, point 5.
        Assert.Same(servers[1], ring.ByHash(HashFunctions.Avalanche((2 * 4096) + 5), null));
    }

    [Fact]
    public void ByHash_OneServerRemoved_OnlyItsKeysMove()
    {
        var servers = TestModel.Servers(1, 2, 3, 4);
        var before = ConsistentRing.Build(servers);
        var after = ConsistentRing.Build([servers[0], servers[1], servers[3]]);
        var keys = Enumerable.Range(0, 10_000).Select(i => HashFunctions.Avalanche(HashFunctions.Sdbm($"/k{i}".AsSpan()))).ToArray();

        var moved = keys.Count(k => before.ByHash(k, null) != after.ByHash(k, null));
        var onRemoved = keys.Count(k => before.ByHash(k, null) == servers[2]);

        Assert.Equal(onRemoved, moved);
        Assert.True(moved <= keys.Length * (0.3 + 0.05), $"{moved} keys moved");
    }

    [Fact]
    public void ByHash_BalanceFactor_SkipsAnOverloadedServer()
    {
        var servers = TestModel.Servers(1, 1);
        var ring = ConsistentRing.Build(servers, balanceFactor: 125);
        var hash = HashFunctions.Avalanche((1 * 4096) + 3);
        for (var i = 0; i < 3; i++)
        {
            servers[0].BeginRequest();
        }

        Assert.Same(servers[1], ring.ByHash(hash, null));
    }

    [Fact]
    public void Next_WalksTheRing_EveryServerInTurn()
    {
        var servers = TestModel.Servers(1, 1, 1);
        var ring = ConsistentRing.Build(servers);

        var seen = Enumerable.Range(0, ring.Count).Select(_ => ring.Next(null)!).Distinct().Count();

        Assert.Equal(3, seen);
    }
}
