using Proxy.Transport;

namespace Proxy.Tests.Transport;

public class EdgeSignalTests
{
    [Fact]
    public async Task WaitAsync_EdgeCameAfterTheCountSeen_CompletesAtOnce()
    {
        var signal = new EdgeSignal();
        var seen = signal.Edges;
        signal.Signal();

        var wait = signal.WaitAsync(seen, CancellationToken.None);

        Assert.True(wait.IsCompletedSuccessfully);
        await wait;
    }

    [Fact]
    public async Task WaitAsync_NoEdgeYet_CompletesOnTheNextOne()
    {
        var signal = new EdgeSignal();

        var wait = signal.WaitAsync(signal.Edges, CancellationToken.None);
        Assert.False(wait.IsCompleted);
        signal.Signal();

        await wait;
        Assert.Equal(1, signal.Edges);
    }

    [Fact]
    public async Task WaitAsync_TokenCanceled_ThrowsAndTheNextWaitWorks()
    {
        var signal = new EdgeSignal();
        using var cancel = new CancellationTokenSource();

        var wait = signal.WaitAsync(signal.Edges, cancel.Token);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await wait);
        var next = signal.WaitAsync(signal.Edges, CancellationToken.None);
        signal.Signal();
        await next;
    }

    [Fact]
    public async Task Close_WhileWaiting_WaiterAndLaterWaitsFail()
    {
        var signal = new EdgeSignal();
        var wait = signal.WaitAsync(signal.Edges, CancellationToken.None);

        signal.Close(new ObjectDisposedException("socket"));

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await wait);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await signal.WaitAsync(signal.Edges, CancellationToken.None));
    }
}
