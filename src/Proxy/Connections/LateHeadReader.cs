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
internal sealed class LateHeadReader(PipeReader inner, ClientConnection connection, KestrelAnswerWriter output, TimeSpan timeout, TimeProvider time)
    : ObservingPipeReader(inner)
{
    private bool _expired;
    private int _headOf = -1;
    private int _armedFor = -1;
    private long _headStart;
    private ITimer? _timer;

    // Arms the timer while Kestrel reads again for an incomplete head; results are watched once the 408 is out too.
    protected override bool BeforeRead()
    {
        var answering = connection.KestrelAnswering;
        if (answering)
        {
            ArmIfHeadIncomplete();
        }

        return answering || Volatile.Read(ref _expired);
    }

    public override void Complete(Exception? exception = null)
    {
        Stop();
        base.Complete(exception);
    }

    public override ValueTask CompleteAsync(Exception? exception = null)
    {
        Stop();
        return base.CompleteAsync(exception);
    }

    /// <summary>Stops the timer (the connection ended).</summary>
    public void Stop() => Interlocked.Exchange(ref _timer, null)?.Dispose();

    protected override ReadResult Observe(ReadResult result)
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
        Inner.CancelPendingRead();
    }
}
