using System.Buffers;
using System.IO.Pipelines;
using Proxy.Logging;

namespace Proxy.Connections;

/// <summary>
/// The output of one client connection, after TLS, as Kestrel's HTTP layer sees it. Bytes Kestrel writes while no
/// request is being handled (<see cref="ClientConnection.KestrelAnswering"/>) are held until flushed: when they are
/// Kestrel's own refusal of a request head (<see cref="KestrelAnswer"/>, an empty-bodied 400 or 408 with Kestrel's
/// headers) haproxy 2.6's raw page goes out instead (<see cref="RawErrorAnswer"/>); haproxy's silent-client 408
/// (written by H2cPrefaceDetector) passes unchanged. Either way <paramref name="answered"/> is told the status and
/// whether the client had sent nothing, so the access log can write its `&lt;BADREQ&gt;` line. Any other first bytes
/// (an HTTP/2 connection's SETTINGS) switch the writer to plain pass-through for the rest of the connection.
/// </summary>
/// <param name="inner">The connection's output.</param>
/// <param name="connection">Who is writing now (the access log middleware and the input reader keep it up to date).</param>
/// <param name="answered">Told (status, silent client) when a refusal went out; null when nothing is logged.</param>
internal sealed class KestrelAnswerWriter(PipeWriter inner, ClientConnection connection, Action<int, bool>? answered) : PipeWriter
{
    private ArrayBufferWriter<byte>? _held;
    private bool _holding;
    private bool _passThrough;

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
        inner.Complete(exception);
    }

    public override async ValueTask CompleteAsync(Exception? exception = null)
    {
        Release();
        await inner.CompleteAsync(exception);
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
        if (status != 0)
        {
            inner.Write(RawErrorAnswer.For(status));
            answered?.Invoke(status == 408 ? 408 : 400, false);
        }
        else
        {
            inner.Write(bytes);
            if (bytes.SequenceEqual(RawErrorAnswer.RequestTimeout))
            {
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
