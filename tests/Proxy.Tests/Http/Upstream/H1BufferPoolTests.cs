using Proxy.Http.Upstream;

namespace Proxy.Tests.Http.Upstream;

public class H1BufferPoolTests
{
    [Fact]
    public void Rent_AfterAReturn_TheSameBufferComesBack()
    {
        var pool = new H1BufferPool(capacity: 2);
        var first = pool.Rent();
        pool.Return(first);

        var again = pool.Rent();

        Assert.Same(first, again);
        Assert.Equal(H1BufferPool.BufferSize, again.Length);
    }

    [Fact]
    public void Return_BeyondCapacity_TheExtraBufferIsDropped()
    {
        var pool = new H1BufferPool(capacity: 1);
        var kept = pool.Rent();
        var extra = pool.Rent();
        pool.Return(kept);
        pool.Return(extra);

        var first = pool.Rent();
        var second = pool.Rent();

        Assert.Same(kept, first);
        Assert.NotSame(extra, second);
    }

    [Fact]
    public void Return_OtherSize_NotKept()
    {
        var pool = new H1BufferPool(capacity: 2);
        pool.Return(new byte[100]);

        Assert.Equal(H1BufferPool.BufferSize, pool.Rent().Length);
    }
}
