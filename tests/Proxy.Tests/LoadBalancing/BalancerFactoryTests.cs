using ConfigParser.Model;
using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

public class BalancerFactoryTests
{
    [Fact]
    public void Create_Roundrobin_ReturnsRoundRobinBalancer()
    {
        Assert.IsType<RoundRobinBalancer>(BalancerFactory.Create(BalanceDefinition.Default, 2));
    }

    [Fact]
    public void Create_UnimplementedKeyword_Throws()
    {
        var balance = new BalanceDefinition(null, "leastconn", []);

        Assert.Throws<InvalidOperationException>(() => BalancerFactory.Create(balance, 2));
    }
}
