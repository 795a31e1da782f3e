using System.Threading.Tasks.Sources;

namespace Proxy.Transport;

/// <summary>
/// One direction of a socket on an <see cref="EpollLoop"/> (readable or writable): counts the loop's edges and lets
/// one waiter at a time await the next one. A waiter passes the count it saw before its last try, so an edge that
/// came in between is never missed. The waiter continues on the loop's thread, inline (no hand-off per event).
/// </summary>
internal sealed class EdgeSignal : IValueTaskSource
{
    private ManualResetValueTaskSourceCore<bool> _core;
    private CancellationTokenRegistration _cancellation;
    private int _edges;
    private int _waiting;
    private volatile Exception? _closed;

    /// <summary>The edges seen so far.</summary>
    public int Edges => Volatile.Read(ref _edges);

    /// <summary>An edge from the loop: wakes the waiter.</summary>
    public void Signal()
    {
        Interlocked.Increment(ref _edges);
        if (Interlocked.Exchange(ref _waiting, 0) == 1)
        {
            _core.SetResult(true);
        }
    }

    /// <summary>The socket is gone: the waiter (and any later one) fails with <paramref name="reason"/>.</summary>
    public void Close(Exception reason)
    {
        _closed = reason;
        if (Interlocked.Exchange(ref _waiting, 0) == 1)
        {
            _core.SetException(reason);
        }
    }

    /// <summary>Completes at the first edge after <paramref name="seen"/> (at once if one came already).</summary>
    public ValueTask WaitAsync(int seen, CancellationToken cancellationToken)
    {
        if (_closed is { } closed)
        {
            return ValueTask.FromException(closed);
        }

        cancellationToken.ThrowIfCancellationRequested();
        _core.Reset();
        Volatile.Write(ref _waiting, 1);
        if (Volatile.Read(ref _edges) != seen || _closed is not null)
        {
            if (Interlocked.Exchange(ref _waiting, 0) == 1)
            {
                return _closed is { } reason ? ValueTask.FromException(reason) : ValueTask.CompletedTask;
            }

            // Signal took the waiter already and completes it.
        }
        else if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(static (state, token) => ((EdgeSignal)state!).Cancel(token), this);
        }

        return new ValueTask(this, _core.Version);
    }

    private void Cancel(CancellationToken token)
    {
        if (Interlocked.Exchange(ref _waiting, 0) == 1)
        {
            _core.SetException(new OperationCanceledException(token));
        }
    }

    void IValueTaskSource.GetResult(short token)
    {
        // Unregister, not Dispose: this may run inside the cancellation callback itself (inline continuation).
        _cancellation.Unregister();
        _cancellation = default;
        _core.GetResult(token);
    }

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _core.OnCompleted(continuation, state, token, flags);
}
