using System.Net;
using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

public class HashBalancerTests
{
    private static readonly HashSettings MapBased = default;
    private static readonly HashSettings Consistent = new(true, HashFunction.Sdbm, true);

    [Fact]
    public void Pick_SourceMapBased_SpecExample()
    {
        var pool = Pools.Of(1, 1, 1);
        var balancer = new HashBalancer(pool, SourceKeyHasher.Instance, MapBased, 0);

        // 0xC0A80001 % 3 = 1 → s2.
        Assert.Equal("s2", balancer.Pick(Requests.Get("/", IPAddress.Parse("192.168.0.1")), pool.Current.Servers)!.Name);
    }

    [Theory]
    [InlineData("/index.html", "s1")]
    [InlineData("/", "s3")]
    [InlineData("/a", "s1")]
    public void Pick_UriMapBased_SpecExamples(string uri, string expected)
    {
        var pool = Pools.Of(1, 1, 1);
        var balancer = new HashBalancer(pool, new UriKeyHasher(0, 0, false, false), MapBased, 0);

        Assert.Equal(expected, balancer.Pick(Requests.Get(uri), pool.Current.Servers)!.Name);
    }

    // The spec sheet says s2 and s1: its avalanche lacks haproxy's final multiplication. These are what haproxy
    // 2.6.12 answered for `balance uri` + `hash-type consistent` over three equal servers.
    [Theory]
    [InlineData("/index.html", "s3")]
    [InlineData("/", "s2")]
    [InlineData("/a", "s2")]
    public void Pick_UriConsistent_HaproxyAnswers(string uri, string expected)
    {
        var pool = Pools.Of(1, 1, 1);
        var balancer = new HashBalancer(pool, new UriKeyHasher(0, 0, false, false), Consistent, 0);

        Assert.Equal(expected, balancer.Pick(Requests.Get(uri), pool.Current.Servers)!.Name);
    }

    [Fact]
    public void Pick_MissingKeyMapBased_RoundRobinOverTheMap()
    {
        var pool = Pools.Of(1, 2);
        var balancer = new HashBalancer(pool, new UrlParamKeyHasher("id"), MapBased, 0);

        Assert.Equal(["s1", "s2", "s2", "s1", "s2", "s2"], Pools.Picks(balancer, pool, 6, Requests.Get("/no-param")));
    }

    [Fact]
    public void Pick_MissingKeyConsistent_EveryServerTakesTurns()
    {
        var pool = Pools.Of(1, 1, 1);
        var balancer = new HashBalancer(pool, new UrlParamKeyHasher("id"), Consistent, 0);

        var picks = Pools.Picks(balancer, pool, 480, Requests.Get("/no-param"));

        Assert.Equal(["s1", "s2", "s3"], picks.Distinct().Order());
    }

    [Fact]
    public void Pick_OneUsableServer_SkipsHashing()
    {
        var pool = Pools.Of([Pools.Server("a", weight: 0), Pools.Server("b")]);
        var balancer = new HashBalancer(pool, new UrlParamKeyHasher("id"), MapBased, 0);

        Assert.Equal("b", balancer.Pick(Requests.Get("/?id=1"), pool.Current.Servers)!.Name);
    }

    [Fact]
    public void Pick_ServerMarkedUnusable_TableRebuilt()
    {
        var pool = Pools.Of(1, 1, 1);
        var balancer = new HashBalancer(pool, SourceKeyHasher.Instance, MapBased, 0);
        pool.All[1].IsUsable = false;

        // 0xC0A80001 % 2 = 1 → the second of s1, s3.
        Assert.Equal("s3", balancer.Pick(Requests.Get("/", IPAddress.Parse("192.168.0.1")), pool.Current.Servers)!.Name);
    }

    [Fact]
    public void Pick_RestrictedList_NeverReturnsAServerOutsideIt()
    {
        var pool = Pools.Of(1, 1, 1);
        var balancer = new HashBalancer(pool, SourceKeyHasher.Instance, MapBased, 0);
        var context = Requests.Get("/", IPAddress.Parse("192.168.0.1"));

        Assert.Equal("s3", balancer.Pick(context, [pool.All[0], pool.All[2]])!.Name);
    }

    [Fact]
    public void Pick_WeightedMapBased_SpreadsKeysByWeight()
    {
        var pool = Pools.Of(1, 2, 3, 4);
        var balancer = new HashBalancer(pool, new UriKeyHasher(0, 0, false, false), MapBased, 0);

        var counts = Enumerable.Range(0, 10_000).Select(i => balancer.Pick(Requests.Get($"/k{i}"), pool.Current.Servers)!.Index)
            .GroupBy(i => i).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(pool.All, s => Assert.InRange(counts[s.Index], (s.Weight * 1000) - 200, (s.Weight * 1000) + 200));
    }
}
