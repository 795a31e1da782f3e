using ConfigParser.Model;
using Proxy.Runtime;
using Proxy.Tests.Support;

namespace Proxy.Tests.Runtime;

public class BackendQueueTests
{
    private static readonly TimeSpan QueueTimeout = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _time = new();

    private static ServerState Server(int index, int maxConn, int maxQueue = 0)
        => new(new ServerDefinition(TestModel.At, $"s{index + 1}", "127.0.0.1", 80, 1) { MaxConn = maxConn, MaxQueue = maxQueue }, index);

    [Fact]
    public async Task AcquireAsync_ServerWithRoom_TakesASlotAtOnce()
    {
        var server = Server(0, maxConn: 1);
        var queue = new BackendQueue([server], _time);

        var (result, assigned) = await queue.AcquireAsync(server, [server], QueueTimeout, default);

        Assert.Equal((QueueResult.Assigned, server), (result, assigned));
        Assert.Equal(1, server.InFlight);
    }

    [Fact]
    public async Task AcquireAsync_FullServer_WaitsUntilASlotIsReleased()
    {
        var server = Server(0, maxConn: 1);
        var queue = new BackendQueue([server], _time);
        await queue.AcquireAsync(server, [server], QueueTimeout, default);

        var waiting = queue.AcquireAsync(server, [server], QueueTimeout, default);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(1, queue.LengthOf(server));

        queue.Release(server);

        Assert.Equal((QueueResult.Assigned, server), await waiting);
        Assert.Equal(1, server.InFlight);
        Assert.Equal(0, queue.LengthOf(server));
    }

    [Fact]
    public async Task AcquireAsync_QueueTimeoutExpires_TimesOut()
    {
        var server = Server(0, maxConn: 1);
        var queue = new BackendQueue([server], _time);
        await queue.AcquireAsync(server, [server], QueueTimeout, default);
        var waiting = queue.AcquireAsync(server, [server], QueueTimeout, default);

        _time.Advance(QueueTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(QueueResult.TimedOut, (await waiting).Result);
        Assert.Equal(0, queue.LengthOf(server));
        // The slot freed afterwards goes to nobody: the timed-out request left the queue.
        queue.Release(server);
        Assert.Equal(0, server.InFlight);
    }

    [Fact]
    public async Task AcquireAsync_MaxQueueReached_IsFull()
    {
        var server = Server(0, maxConn: 1, maxQueue: 1);
        var queue = new BackendQueue([server], _time);
        await queue.AcquireAsync(server, [server], QueueTimeout, default);
        _ = queue.AcquireAsync(server, [server], QueueTimeout, default);

        Assert.Equal(QueueResult.Full, (await queue.AcquireAsync(server, [server], QueueTimeout, default)).Result);
    }

    [Fact]
    public async Task AcquireAsync_ClientAborts_LeavesTheQueue()
    {
        var server = Server(0, maxConn: 1);
        var queue = new BackendQueue([server], _time);
        await queue.AcquireAsync(server, [server], QueueTimeout, default);
        using var abort = new CancellationTokenSource();
        var waiting = queue.AcquireAsync(server, [server], QueueTimeout, abort.Token);

        await abort.CancelAsync();

        Assert.Equal(QueueResult.Aborted, (await waiting).Result);
        Assert.Equal(0, queue.LengthOf(server));
        Assert.Equal(0, _time.PendingTimers);
    }

    [Fact]
    public async Task Release_ServesTheOldestWaiterOfTheServerAndBackendQueues()
    {
        var s1 = Server(0, maxConn: 1);
        var s2 = Server(1, maxConn: 1);
        var queue = new BackendQueue([s1, s2], _time);
        await queue.AcquireAsync(s1, [s1, s2], QueueTimeout, default);
        await queue.AcquireAsync(s2, [s1, s2], QueueTimeout, default);
        var first = queue.AcquireAsync(null, [s1, s2], QueueTimeout, default);
        var second = queue.AcquireAsync(s1, [s1, s2], QueueTimeout, default);
        var third = queue.AcquireAsync(null, [s1, s2], QueueTimeout, default);
        Assert.Equal(2, queue.BackendLength);

        queue.Release(s1);
        Assert.Equal((QueueResult.Assigned, s1), await first);
        queue.Release(s1);
        Assert.Equal((QueueResult.Assigned, s1), await second);
        queue.Release(s2);
        Assert.Equal((QueueResult.Assigned, s2), await third);
    }

    [Fact]
    public async Task AcquireAsync_NoServerPickedButOneHasRoom_TakesIt()
    {
        var s1 = Server(0, maxConn: 1);
        var queue = new BackendQueue([s1], _time);

        Assert.Equal((QueueResult.Assigned, s1), await queue.AcquireAsync(null, [s1], QueueTimeout, default));
    }

    [Fact]
    public void Available_LeavesFullServersOut()
    {
        var s1 = Server(0, maxConn: 1);
        var s2 = Server(1, maxConn: 0);
        var queue = new BackendQueue([s1, s2], _time);
        s1.BeginRequest();

        Assert.Equal([s2], queue.Available([s1, s2]));
    }
}
