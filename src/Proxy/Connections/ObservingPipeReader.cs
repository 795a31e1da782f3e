using System.IO.Pipelines;

namespace Proxy.Connections;

/// <summary>
/// A connection's input passed through unchanged to Kestrel, for a connection middleware that needs to see (or, rarely,
/// replace) what each read returns. The one subtle part lives here once: a completed read of a pipe may be backed by the
/// pipe's pooled source, so its result is taken exactly once and handed on as a copy (a second GetResult throws
/// "Reading is already in progress", and Kestrel then closed the connection without a byte); a read that is still
/// pending goes through the reader's one <see cref="ValueTaskRelay{TIn, TOut}"/> (no allocation per read).
/// </summary>
/// <remarks>
/// Wrappers stacked on one another (the access log's, the late-head timer's, the header recorder's) read through in
/// one layer: the outermost runs every layer's <see cref="BeforeRead"/>, reads the innermost source once and passes
/// the result up through every <see cref="Observe"/>, so a read that waits costs one await instead of one per
/// wrapper (about 0.3 us per keep-alive request, bench/RESULTS.md). AdvanceTo, Complete and CancelPendingRead still
/// go through every layer, for the wrappers that act on them.
/// </remarks>
internal abstract class ObservingPipeReader : PipeReader, IObservedInput
{
    private readonly PipeReader _inner;

    // When the wrapped reader observes too: the chain below, read through in one layer (see IObservedInput).
    private readonly IObservedInput? _below;
    private readonly PipeReader _source;
    private bool _watching;
    private ValueTaskRelay<ReadResult, ReadResult>? _relay;

    protected ObservingPipeReader(PipeReader inner)
    {
        _inner = inner;
        _below = inner as IObservedInput;
        _source = _below?.Source ?? inner;
    }

    /// <summary>The wrapped reader.</summary>
    protected PipeReader Inner => _inner;

    PipeReader IObservedInput.Source => _source;

    public sealed override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var watch = ((IObservedInput)this).BeforeReadChain();
        var read = _source.ReadAsync(cancellationToken);
        if (!watch)
        {
            return read;
        }

        return read.IsCompletedSuccessfully
            ? new ValueTask<ReadResult>(((IObservedInput)this).ObserveChain(read.Result))
            : (_relay ??= new ValueTaskRelay<ReadResult, ReadResult>(((IObservedInput)this).ObserveChain)).Relay(read);
    }

    public sealed override bool TryRead(out ReadResult result)
    {
        var watch = ((IObservedInput)this).BeforeReadChain();
        if (!_source.TryRead(out result))
        {
            return false;
        }

        if (watch)
        {
            result = ((IObservedInput)this).ObserveChain(result);
        }

        return true;
    }

    // The chain's own hooks in the order the nested readers ran them: this layer's BeforeRead first, then the ones
    // below; the results come back through the lowest Observe first.
    bool IObservedInput.BeforeReadChain()
    {
        _watching = BeforeRead();
        var below = _below?.BeforeReadChain() ?? false;
        return _watching | below;
    }

    ReadResult IObservedInput.ObserveChain(ReadResult result)
    {
        if (_below is not null)
        {
            result = _below.ObserveChain(result);
        }

        return _watching ? Observe(result) : result;
    }

    public override void AdvanceTo(SequencePosition consumed) => _inner.AdvanceTo(consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined) => _inner.AdvanceTo(consumed, examined);

    public override void CancelPendingRead() => _inner.CancelPendingRead();

    public override void Complete(Exception? exception = null) => _inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => _inner.CompleteAsync(exception);

    /// <summary>Runs before each read; true when the read's result must go through <see cref="Observe"/>.</summary>
    protected abstract bool BeforeRead();

    /// <summary>Sees a read's result; returns it, or the result Kestrel gets instead.</summary>
    protected abstract ReadResult Observe(ReadResult result);
}
