using System.IO.Pipelines;

namespace Proxy.Logging;

/// <summary>
/// The connection's input, unchanged, except that the first read returning data while the connection waits for a
/// request stamps <see cref="ClientConnection.MarkFirstBytes"/> (haproxy's end of %Ti, start of %TR), a read made
/// after the application ended tells the connection that Kestrel reads the next request
/// (<see cref="ClientConnection.ReadIssued"/>), and the client's end of input seen while Kestrel reads a request head
/// is noted (<see cref="ClientConnection.MarkInputEnded"/>) and told to the connection's output, which answers a cut
/// head. Reads made while a request is in progress pass straight through.
/// </summary>
internal sealed class FirstBytesReader(PipeReader inner, ClientConnection connection, TimeProvider time, Connections.KestrelAnswerWriter? output = null) : PipeReader
{
    public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        connection.ReadIssued();
        var read = inner.ReadAsync(cancellationToken);
        if (!connection.WatchingReads)
        {
            return read;
        }

        if (read.IsCompletedSuccessfully)
        {
            // Read the result once and hand out a copy: a pipe's ValueTask may be backed by a pooled source that
            // completed on the socket thread after ReadAsync returned, and a second GetResult on it throws
            // ("Reading is already in progress"), which made Kestrel drop the connection without a byte.
            var result = read.Result;
            Stamp(result);
            return new ValueTask<ReadResult>(result);
        }

        return StampAsync(read);
    }

    public override bool TryRead(out ReadResult result)
    {
        connection.ReadIssued();
        if (!inner.TryRead(out result))
        {
            return false;
        }

        if (connection.WatchingReads)
        {
            Stamp(result);
        }

        return true;
    }

    public override void AdvanceTo(SequencePosition consumed) => inner.AdvanceTo(consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined) => inner.AdvanceTo(consumed, examined);

    public override void CancelPendingRead() => inner.CancelPendingRead();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

    // Pooled: this await runs on most reads of every connection, and a box per read was ~250 B per request.
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ReadResult> StampAsync(ValueTask<ReadResult> read)
    {
        var result = await read;
        Stamp(result);
        return result;
    }

    private void Stamp(in ReadResult result)
    {
        if (!result.Buffer.IsEmpty)
        {
            connection.MarkHeadBytes();
            if (connection.AwaitingRequest)
            {
                connection.MarkFirstBytes(time.GetTimestamp());
            }
        }

        if (result.IsCompleted)
        {
            connection.MarkInputEnded();
            output?.OnInputEnded();
        }
    }
}
