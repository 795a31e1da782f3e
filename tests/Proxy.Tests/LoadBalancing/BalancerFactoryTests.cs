using ConfigParser;
using ConfigParser.Model;
using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

public class BalancerFactoryTests
{
    private static IBalancer? Create(string lines, out string? unsupported)
    {
        var parsed = HaproxyConfigLoader.Parse([new ConfigSource("t.cfg", $"defaults\n mode http\nbackend be\n{lines}\n server a 127.0.0.1:1\n")]);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Diagnostics));
        var backend = parsed.Config!.Backends[0];
        return BalancerFactory.Create(backend, Pools.Of([.. backend.Servers]), new Random(1), out unsupported);
    }

    [Theory]
    [InlineData(" balance roundrobin", typeof(RoundRobinBalancer))]
    [InlineData(" balance static-rr", typeof(StaticRoundRobinBalancer))]
    [InlineData(" balance leastconn", typeof(LeastConnBalancer))]
    [InlineData(" balance first", typeof(FirstBalancer))]
    [InlineData(" balance random(3)", typeof(RandomBalancer))]
    [InlineData(" balance source", typeof(HashBalancer))]
    [InlineData(" balance uri len 4 depth 2", typeof(HashBalancer))]
    [InlineData(" balance url_param id check_post", typeof(HashBalancer))]
    [InlineData(" balance hdr(host) use_domain_only\n hash-type consistent", typeof(HashBalancer))]
    [InlineData(" balance rdp-cookie", typeof(HashBalancer))]
    [InlineData(" balance hash req.hdr(x-key)", typeof(HashBalancer))]
    [InlineData(" balance hash req.hdr(x-key),lower", typeof(HashBalancer))]
    public void Create_EveryAlgorithm_ItsBalancer(string lines, Type expected)
    {
        Assert.IsType(expected, Create(lines, out var unsupported));
        Assert.Null(unsupported);
    }

    [Fact]
    public void Create_HashWithOtherConverter_Unsupported()
    {
        Assert.Null(Create(" balance hash req.hdr(x-key),base64", out var unsupported));
        Assert.Contains("'balance hash'", unsupported);
    }

    [Fact]
    public void Create_NoBalanceLine_RoundRobin()
        => Assert.IsType<RoundRobinBalancer>(BalancerFactory.Create(new BackendSection { Name = "b", Location = TestModel.At }, Pools.Of(1), new Random(1), out _));
}
