using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

public class EligibilityTests
{
    [Fact]
    public void Restriction_ThePoolsOwnList_None()
    {
        var pool = Pools.Of(1, 1);

        Assert.Null(Eligibility.Restriction(pool.Current, pool.Current.Servers));
    }

    [Fact]
    public void Allows_RestrictedList_OnlyItsMembers()
    {
        var pool = Pools.Of(1, 1);
        var only = Eligibility.Restriction(pool.Current, [pool.All[1]]);

        Assert.Equal((false, true), (Eligibility.Allows(only, pool.All[0]), Eligibility.Allows(only, pool.All[1])));
    }
}
