using System.IO.Pipelines;
using Proxy.Logging;

namespace Proxy.Connections;

/// <summary>
/// haproxy 2.6 `timeout http-request` (else `timeout client`) for a request head that started but does not end:
/// after that long from the connection's start (its first request) or the head's first bytes (later ones) haproxy
/// sends its 408 and closes. Kestrel's own header timeout is per process and runs on a one-second heartbeat (its 408
/// came up to 2 s late), so this input wrapper keeps the frontend's own: it arms a timer only when Kestrel reads
/// again for a head whose first bytes it already had (a head that came whole is handed to the application before
/// Kestrel reads again, so the common request costs no timer), answers through
/// <see cref="KestrelAnswerWriter.AnswerLateHead"/> when it fires, and then ends the input Kestrel reads, so that
/// Kestrel closes the connection gracefully (an abort could lose the page).
/// </summary>
internal sealed class LateHeadReader(PipeReader inner, ClientConnection connection, KestrelAnswerWriter output, TimeSpan timeout, TimeProvider time) : PipeReader
{
    private bool _expired;
    private int _headOf = -1;
    private int _armedFor = -1;
    private long _headStart;
    private ITimer? _timer;

    public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var read = inner.ReadAsync(cancellationToken);
        if (!Volatile.Read(ref _expired) && !connection.KestrelAnswering)
        {
            return read;
        }

        ArmIfHeadIncomplete();

        // As FirstBytesReader: a completed pooled ValueTask is read once.
        return read.IsCompletedSuccessfully ? new ValueTask<ReadResult>(Observe(read.Result)) : ObserveAsync(read);
    }

    public override bool TryRead(out ReadResult result)
    {
        if (connection.KestrelAnswering)
        {
            ArmIfHeadIncomplete();
        }

        if (!inner.TryRead(out result))
        {
            return false;
        }

        if (Volatile.Read(ref _expired) || connection.KestrelAnswering)
        {
            result = Observe(result);
        }

        return true;
    }

    public override void AdvanceTo(SequencePosition consumed) => inner.AdvanceTo(consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined) => inner.AdvanceTo(consumed, examined);

    public override void CancelPendingRead() => inner.CancelPendingRead();

    public override void Complete(Exception? exception = null)
    {
        Stop();
        inner.Complete(exception);
    }

    public override ValueTask CompleteAsync(Exception? exception = null)
    {
        Stop();
        return inner.CompleteAsync(exception);
    }

    /// <summary>Stops the timer (the connection ended).</summary>
    public void Stop() => Interlocked.Exchange(ref _timer, null)?.Dispose();

    // Pooled: this await runs on most reads of every connection, and a box per read was ~250 B per request.
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ReadResult> ObserveAsync(ValueTask<ReadResult> read) => Observe(await read);

    private ReadResult Observe(ReadResult result)
    {
        if (Volatile.Read(ref _expired))
        {
            // The 408 is out: Kestrel is told the client is done, and ends the connection.
            return new ReadResult(result.Buffer, isCanceled: false, isCompleted: true);
        }

        if (!result.Buffer.IsEmpty && !result.IsCompleted)
        {
            var served = connection.Served;
            if (served != _headOf)
            {
                // A new head: the first request's time counts from the connection's start, as haproxy's does.
                _headOf = served;
                _headStart = served == 0 ? connection.ReadyTimestamp : time.GetTimestamp();
            }
        }

        return result;
    }

    // Kestrel reads again while a head it has bytes of has not reached the application: the head is incomplete.
    private void ArmIfHeadIncomplete()
    {
        if (_headOf != connection.Served || !connection.HeadBytesReceived || _armedFor == _headOf)
        {
            return;
        }

        _armedFor = _headOf;
        var left = timeout - time.GetElapsedTime(_headStart);
        var due = left > TimeSpan.Zero ? left : TimeSpan.Zero;
        if (_timer is { } timer)
        {
            timer.Change(due, Timeout.InfiniteTimeSpan);
            return;
        }

        _timer = time.CreateTimer(static state => ((LateHeadReader)state!).Expire(), this, due, Timeout.InfiniteTimeSpan);
    }

    private void Expire()
    {
        // Still the same head, still incomplete (the application has not taken a request since).
        if (!connection.KestrelAnswering || connection.Served != _headOf || !connection.HeadBytesReceived || !output.AnswerLateHead())
        {
            return;
        }

        Volatile.Write(ref _expired, true);
        inner.CancelPendingRead();
    }
}
