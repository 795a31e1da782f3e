using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace Proxy.Connections;

/// <summary>
/// A connection's input passed through unchanged to Kestrel, for a connection middleware that needs to see (or, rarely,
/// replace) what each read returns. The one subtle part lives here once: a completed read of a pipe may be backed by the
/// pipe's pooled source, so its result is taken exactly once and handed on as a copy (a second GetResult throws
/// "Reading is already in progress", and Kestrel then closed the connection without a byte); a read that is still
/// pending is awaited on a pooled state machine (a box per read was ~250 B per request).
/// </summary>
/// <typeparam name="TSelf">
/// The derived reader. It only makes each reader's await its own state-machine type: the pool keeps one or two boxes
/// per type and thread, and the wrappers of one connection await inside one another, so a shared type outran its pool
/// (about 100 B per request measured with bench/alloc.sh).
/// </typeparam>
internal abstract class ObservingPipeReader<TSelf>(PipeReader inner) : PipeReader
    where TSelf : ObservingPipeReader<TSelf>
{
    /// <summary>The wrapped reader.</summary>
    protected PipeReader Inner => inner;

    public sealed override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var watch = BeforeRead();
        var read = inner.ReadAsync(cancellationToken);
        if (!watch)
        {
            return read;
        }

        return read.IsCompletedSuccessfully ? new ValueTask<ReadResult>(Observe(read.Result)) : ObserveAsync(read);
    }

    public sealed override bool TryRead(out ReadResult result)
    {
        var watch = BeforeRead();
        if (!inner.TryRead(out result))
        {
            return false;
        }

        if (watch)
        {
            result = Observe(result);
        }

        return true;
    }

    public override void AdvanceTo(SequencePosition consumed) => inner.AdvanceTo(consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined) => inner.AdvanceTo(consumed, examined);

    public override void CancelPendingRead() => inner.CancelPendingRead();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

    /// <summary>Runs before each read; true when the read's result must go through <see cref="Observe"/>.</summary>
    protected abstract bool BeforeRead();

    /// <summary>Sees a read's result; returns it, or the result Kestrel gets instead.</summary>
    protected abstract ReadResult Observe(ReadResult result);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ReadResult> ObserveAsync(ValueTask<ReadResult> read) => Observe(await read);
}
