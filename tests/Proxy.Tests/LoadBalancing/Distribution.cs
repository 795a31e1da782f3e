using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

/// <summary>Checks that picks spread in proportion to weights.</summary>
internal static class Distribution
{
    /// <summary>Asserts each server's share of <paramref name="picks"/> picks is within 2 points of its weight's share.</summary>
    public static void AssertFollowsWeights(IBalancer balancer, ServerPool pool, int picks = 10_000)
    {
        var counts = Pools.Picks(balancer, pool, picks).GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
        var total = (double)pool.Current.TotalWeight;
        Assert.All(pool.Current.Servers, s =>
            Assert.InRange(counts.GetValueOrDefault(s.Name) / (double)picks, (s.Weight / total) - 0.02, (s.Weight / total) + 0.02));
    }
}
