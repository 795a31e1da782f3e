using System.Buffers;
using System.IO.Pipelines;
using Proxy.Logging;

namespace Proxy.Connections;

/// <summary>
/// The output of one client connection, after TLS, as Kestrel's HTTP layer sees it. Bytes Kestrel writes while no
/// request is being handled (<see cref="ClientConnection.KestrelAnswering"/>) are held until flushed: when they are
/// Kestrel's own refusal of a request head (<see cref="KestrelAnswer"/>, an empty-bodied 400 or 408 with Kestrel's
/// headers) haproxy 2.6's raw page goes out instead (<see cref="RawErrorAnswer"/>); the 408 H2cPrefaceDetector
/// writes to a client that sent nothing passes unchanged. haproxy's answers Kestrel never gives are written here
/// too: a 400 when the client ends its input mid-head (or before any request), a 408 for a head not complete in time
/// (<see cref="LateHeadReader"/>). Each time <paramref name="answered"/> is told the status and whether the client
/// had sent nothing, so the access log can write its `&lt;BADREQ&gt;` line. Any other first bytes (an HTTP/2
/// connection's SETTINGS) switch the writer to plain pass-through for the rest of the connection.
/// </summary>
/// <param name="inner">The connection's output.</param>
/// <param name="connection">Who is writing now (the access log middleware and the input reader keep it up to date).</param>
/// <param name="answered">Told (status, silent client) when a refusal went out; null when nothing is logged.</param>
internal sealed class KestrelAnswerWriter(PipeWriter inner, ClientConnection connection, Action<int, bool>? answered) : PipeWriter
{
    private ArrayBufferWriter<byte>? _held;
    private bool _holding;
    private bool _passThrough;
    private bool _answered;
    private bool _completed;

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes + (_held?.WrittenCount ?? 0);

    public override Memory<byte> GetMemory(int sizeHint = 0)
        => Hold() ? _held!.GetMemory(sizeHint) : inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0)
        => Hold() ? _held!.GetSpan(sizeHint) : inner.GetSpan(sizeHint);

    public override void Advance(int bytes)
    {
        if (_holding)
        {
            _held!.Advance(bytes);
        }
        else
        {
            inner.Advance(bytes);
        }
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        Release();
        return inner.FlushAsync(cancellationToken);
    }

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null)
    {
        Release();
        AnswerCutHead();
        _completed = true;
        inner.Complete(exception);
    }

    public override async ValueTask CompleteAsync(Exception? exception = null)
    {
        Release();
        if (AnswerCutHead())
        {
            await inner.FlushAsync();
        }

        _completed = true;
        await inner.CompleteAsync(exception);
    }

    /// <summary>
    /// Called by the input's reader when the client ended its side: a cut head is answered at once, since Kestrel
    /// takes the client's end for the connection's and tears it down (often without answering) right after.
    /// Kestrel writes nothing while it reads a request head, so this write does not interleave with one of its own.
    /// </summary>
    public void OnInputEnded()
    {
        if (AnswerCutHead())
        {
            FlushInBackground();
        }
    }

    /// <summary>
    /// Answers a request head not complete in time with haproxy's 408 (see <see cref="LateHeadReader"/>); false when
    /// the connection was already answered.
    /// </summary>
    public bool AnswerLateHead()
    {
        if (_passThrough || Interlocked.Exchange(ref _answered, true))
        {
            return false;
        }

        inner.Write(RawErrorAnswer.RequestTimeout);
        answered?.Invoke(408, false);
        FlushInBackground();
        return true;
    }

    /// <summary>
    /// Called when Kestrel's HTTP layer is done with the connection, which it does not always end by completing this
    /// output: a cut request head still gets its answer then.
    /// </summary>
    public async ValueTask EndAsync()
    {
        if (!_completed && AnswerCutHead())
        {
            await inner.FlushAsync();
        }
    }

    // Kestrel closes without a word when the client ends its input mid-head (or before its first request); haproxy
    // 2.6 still answers its 400 page (a half-closed client reads it) and logs the request as cut by the client.
    private bool AnswerCutHead()
    {
        if (_passThrough || Volatile.Read(ref _answered) || !connection.CutRequestHead || Interlocked.Exchange(ref _answered, true))
        {
            return false;
        }

        inner.Write(RawErrorAnswer.BadRequest);
        answered?.Invoke(400, !connection.HeadBytesReceived);
        return true;
    }

    // An answer written outside Kestrel's own calls: its flush is not awaited by anyone, its failure (the client
    // gone) is nobody's concern.
    private void FlushInBackground()
    {
        var flush = inner.FlushAsync();
        if (!flush.IsCompleted)
        {
            _ = flush.AsTask().ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    // Bytes already held keep everything after them held too, so the order on the wire never changes.
    private bool Hold()
    {
        _holding = !_passThrough && (_held is { WrittenCount: > 0 } || connection.KestrelAnswering);
        if (_holding)
        {
            _held ??= new ArrayBufferWriter<byte>(256);
        }

        return _holding;
    }

    // Sends what was held: replaced by haproxy's page when it is Kestrel's refusal.
    private void Release()
    {
        if (_held is not { WrittenCount: > 0 } held)
        {
            return;
        }

        var bytes = held.WrittenSpan;
        var status = KestrelAnswer.StatusOf(bytes);
        if (status != 0 && Volatile.Read(ref _answered))
        {
            // Kestrel's late refusal of a head already answered (the client's close came first): nothing more.
        }
        else if (status != 0)
        {
            _answered = true;
            inner.Write(RawErrorAnswer.For(status));
            answered?.Invoke(status == 408 ? 408 : 400, false);
        }
        else
        {
            inner.Write(bytes);
            if (bytes.SequenceEqual(RawErrorAnswer.RequestTimeout))
            {
                _answered = true;
                answered?.Invoke(408, true);
            }

            else if (!bytes.StartsWith("HTTP/1."u8))
            {
                _passThrough = true;
            }
        }

        held.ResetWrittenCount();
        _holding = false;
    }
}
