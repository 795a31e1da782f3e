using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

public class ServerIdsTests
{
    [Fact]
    public void Assign_NoIds_DeclarationOrderFromOne()
        => Assert.Equal([1, 2, 3], ServerIds.Assign([Pools.Server("a"), Pools.Server("b"), Pools.Server("c")]));

    [Fact]
    public void Assign_SomeIds_OthersTakeTheFreeNumbers()
        => Assert.Equal([2, 1, 3, 10, 4], ServerIds.Assign([Pools.Server("a", id: 2), Pools.Server("b"), Pools.Server("c"), Pools.Server("d", id: 10), Pools.Server("e")]));
}
