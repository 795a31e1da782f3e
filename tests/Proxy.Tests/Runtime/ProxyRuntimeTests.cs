using System.Net;
using ConfigParser.Model;
using Proxy.Runtime;

namespace Proxy.Tests.Runtime;

public class ProxyRuntimeTests
{
    private static FrontendState Frontend(string name)
        => new(new FrontendSection { Name = name, Location = TestModel.At }, Proxy.Http.Rules.HttpRuleSet.Empty, [], null);

    [Fact]
    public void ResolveFrontend_ExactAddressAndWildcardOnSamePort_PrefersExact()
    {
        var exact = Frontend("exact");
        var wildcard = Frontend("any");
        var runtime = new ProxyRuntime([exact, wildcard], [],
        [
            new ListenerBinding(new IPEndPoint(IPAddress.Any, 80), wildcard),
            new ListenerBinding(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 80), exact),
        ]);

        Assert.Same(exact, runtime.ResolveFrontend(IPAddress.Parse("127.0.0.2"), 80));
        Assert.Same(wildcard, runtime.ResolveFrontend(IPAddress.Parse("127.0.0.3"), 80));
    }

    [Fact]
    public void ResolveFrontend_IPv4MappedAddress_MatchesIPv4Bind()
    {
        var frontend = Frontend("fe");
        var runtime = new ProxyRuntime([frontend], [], [new ListenerBinding(new IPEndPoint(IPAddress.Loopback, 8080), frontend)]);

        Assert.Same(frontend, runtime.ResolveFrontend(IPAddress.Loopback.MapToIPv6(), 8080));
    }

    [Fact]
    public void ResolveFrontend_UnknownPortOrAddress_ReturnsNull()
    {
        var frontend = Frontend("fe");
        var runtime = new ProxyRuntime([frontend], [], [new ListenerBinding(new IPEndPoint(IPAddress.Loopback, 8080), frontend)]);

        Assert.Null(runtime.ResolveFrontend(IPAddress.Loopback, 8081));
        Assert.Null(runtime.ResolveFrontend(IPAddress.Parse("127.0.0.9"), 8080));
    }

    [Fact]
    public void Swap_PublishesNewRuntimeAndReturnsOld()
    {
        var first = new ProxyRuntime([], [], []);
        var second = new ProxyRuntime([], [], []);
        var current = new CurrentRuntime(first);

        Assert.Same(first, current.Swap(second));
        Assert.Same(second, current.Value);
    }
}
