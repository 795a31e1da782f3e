using System.Runtime.CompilerServices;
using System.Threading.Tasks.Sources;

namespace Proxy.Connections;

/// <summary>
/// Hands on the result of a pending <see cref="ValueTask{TIn}"/> through a transform, as a <see cref="ValueTask{TOut}"/>
/// backed by this one reusable source: for readers that have one read in flight at a time, where an async method
/// would box its state machine on every read that waits. Under load those boxes outran the pooling builder's cache
/// (a couple per type), so each wait allocated 150-250 B (bench/RESULTS.md). The caller's continuation runs inline
/// when the awaited operation completes.
/// </summary>
internal sealed class ValueTaskRelay<TIn, TOut> : IValueTaskSource<TOut>
{
    private readonly Func<TIn, TOut> _transform;
    private readonly Action _completed;
    private ManualResetValueTaskSourceCore<TOut> _core;
    private ValueTaskAwaiter<TIn> _awaiter;

    public ValueTaskRelay(Func<TIn, TOut> transform)
    {
        _transform = transform;
        _completed = Completed;
    }

    /// <summary>A task for <paramref name="pending"/>'s transformed result (the previous one must have been awaited).</summary>
    public ValueTask<TOut> Relay(ValueTask<TIn> pending)
    {
        _core.Reset();
        _awaiter = pending.GetAwaiter();
        _awaiter.UnsafeOnCompleted(_completed);
        return new ValueTask<TOut>(this, _core.Version);
    }

    private void Completed()
    {
        var awaiter = _awaiter;
        _awaiter = default;
        TOut result;
        try
        {
            result = _transform(awaiter.GetResult());
        }
        catch (Exception e)
        {
            _core.SetException(e);
            return;
        }

        _core.SetResult(result);
    }

    TOut IValueTaskSource<TOut>.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<TOut>.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<TOut>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _core.OnCompleted(continuation, state, token, flags);
}
