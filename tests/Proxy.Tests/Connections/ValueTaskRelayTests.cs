using Proxy.Connections;

namespace Proxy.Tests.Connections;

public class ValueTaskRelayTests
{
    [Fact]
    public async Task Relay_PendingThenCompleted_TransformedResult()
    {
        var relay = new ValueTaskRelay<int, string>(n => "got " + n);
        var source = new TaskCompletionSource<int>();

        var relayed = relay.Relay(new ValueTask<int>(source.Task));
        Assert.False(relayed.IsCompleted);
        source.SetResult(7);

        Assert.Equal("got 7", await relayed);
    }

    [Fact]
    public async Task Relay_Faulted_TheExceptionComesThrough()
    {
        var relay = new ValueTaskRelay<int, int>(n => n);
        var source = new TaskCompletionSource<int>();

        var relayed = relay.Relay(new ValueTask<int>(source.Task));
        source.SetException(new IOException("reset"));

        await Assert.ThrowsAsync<IOException>(async () => await relayed);
    }

    [Fact]
    public async Task Relay_UsedAgainAfterEachAwait_EachResultItsOwn()
    {
        var relay = new ValueTaskRelay<int, int>(n => n * 2);
        for (var i = 1; i <= 3; i++)
        {
            var source = new TaskCompletionSource<int>();
            var relayed = relay.Relay(new ValueTask<int>(source.Task));
            source.SetResult(i);
            Assert.Equal(i * 2, await relayed);
        }
    }
}
