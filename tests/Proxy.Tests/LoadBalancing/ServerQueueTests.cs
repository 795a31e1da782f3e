using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

public class ServerQueueTests
{
    [Fact]
    public void First_EqualKeys_EarliestInsertedFirst()
    {
        var keys = new uint[] { 5, 5, 3, 5 };
        var queue = new ServerQueue(4);
        foreach (var slot in new[] { 1, 0, 3, 2 })
        {
            queue.Insert(slot, keys);
        }

        var order = new List<int>();
        while (queue.First is var first and >= 0)
        {
            order.Add(first);
            queue.Remove(first);
        }

        Assert.Equal([2, 1, 0, 3], order);
    }

    [Fact]
    public void Remove_AbsentSlot_NothingChanges()
    {
        var queue = new ServerQueue(2);
        queue.Insert(0, [1, 2]);

        queue.Remove(1);

        Assert.Equal((1, 0), (queue.Count, queue.First));
    }

    [Fact]
    public void First_Empty_MinusOne() => Assert.Equal(-1, new ServerQueue(1).First);
}
