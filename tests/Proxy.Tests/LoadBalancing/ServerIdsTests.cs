using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

public class ServerIdsTests
{
    [Fact]
    public void Assign_HaproxyExample_SecondServerGetsThree()
        => Assert.Equal([7, 3, 2, 40, 6], ServerIds.Assign([Pools.Server("a", id: 7), Pools.Server("b"), Pools.Server("c", id: 2), Pools.Server("d", id: 40), Pools.Server("e")]));

    [Fact]
    public void Assign_NoIds_DeclarationOrderFromOne()
        => Assert.Equal([1, 2, 3], ServerIds.Assign([Pools.Server("a"), Pools.Server("b"), Pools.Server("c")]));

    [Fact]
    public void Assign_SomeIds_CounterMovesOnAfterEveryServer()
        => Assert.Equal([2, 3, 4, 10, 6], ServerIds.Assign([Pools.Server("a", id: 2), Pools.Server("b"), Pools.Server("c"), Pools.Server("d", id: 10), Pools.Server("e")]));
}
