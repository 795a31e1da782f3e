namespace Proxy.Runtime;

/// <summary>One request waiting in a server's or a backend's queue, until a slot, `timeout queue` or the client's abort.</summary>
internal sealed class QueuedRequest(long sequence)
    : TaskCompletionSource<(QueueResult Result, ServerState? Server)>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    /// <summary>Arrival order across the server and backend queues (the oldest is served first).</summary>
    public long Sequence { get; } = sequence;

    /// <summary>Its place in the queue it waits in; null once it left.</summary>
    public LinkedListNode<QueuedRequest>? Node { get; set; }

    public ITimer? Timer { get; set; }

    public CancellationTokenRegistration Abort { get; set; }
}
