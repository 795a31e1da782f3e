using Microsoft.AspNetCore.Connections;
using Proxy.Runtime;

namespace Proxy.Tests.Runtime;

public class ConnectionLimitTests
{
    [Fact]
    public async Task RunAsync_LimitReached_NextConnectionWaitsForAFreeSlot()
    {
        var limit = new ConnectionLimit(1);
        var firstDone = new TaskCompletionSource();
        var served = new List<string>();
        ConnectionDelegate next = async connection =>
        {
            lock (served)
            {
                served.Add(connection.ConnectionId);
            }

            if (connection.ConnectionId == "first")
            {
                await firstDone.Task;
            }
        };

        var first = limit.RunAsync(new DefaultConnectionContext("first"), next);
        var second = limit.RunAsync(new DefaultConnectionContext("second"), next);

        Assert.Equal(["first"], served);
        Assert.False(second.IsCompleted);
        Assert.Equal(1, limit.Current);
        firstDone.SetResult();
        await Task.WhenAll(first, second);

        Assert.Equal(["first", "second"], served);
        Assert.Equal(0, limit.Current);
    }

    [Fact]
    public async Task RunAsync_ClientClosesWhileWaiting_IsNeverServed()
    {
        var limit = new ConnectionLimit(1);
        var firstDone = new TaskCompletionSource();
        var calls = 0;
        ConnectionDelegate next = async _ =>
        {
            Interlocked.Increment(ref calls);
            await firstDone.Task;
        };
        var first = limit.RunAsync(new DefaultConnectionContext("first"), next);
        using var closed = new CancellationTokenSource();
        var waiting = new DefaultConnectionContext("waiting") { ConnectionClosed = closed.Token };

        var second = limit.RunAsync(waiting, next);
        await closed.CancelAsync();
        await second;
        firstDone.SetResult();
        await first;

        Assert.Equal(1, calls);
        Assert.Equal(0, limit.Current);
    }
}
