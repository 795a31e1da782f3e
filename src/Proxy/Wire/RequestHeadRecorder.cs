using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace Proxy.Wire;

/// <summary>
/// Keeps the raw bytes of an HTTP/1 connection's current request head as Kestrel consumes them, so the forwarder can
/// send the headers in the order the client wrote them (haproxy 2.6 keeps header order; Kestrel's header dictionary
/// does not). Only the head is copied: once the forwarder has taken it, the request's body is skipped by length, and a
/// body of unknown length (chunked) ends the recording for the connection. HTTP/2 connections are never recorded.
/// A head that does not fit <see cref="MaxHead"/> is dropped; the forwarder then uses Kestrel's order.
/// </summary>
internal sealed class RequestHeadRecorder(PipeReader inner) : Connections.ObservingPipeReader(inner)
{
    /// <summary>Heads larger than this are not recorded (haproxy's default tune.bufsize is 16 KiB).</summary>
    public const int MaxHead = 32 * 1024;

    private static readonly object Key = new();

    private byte[] _head = [];
    private int _length;
    private long _skip;
    private long _pastHead;
    private State _state = State.Recording;
    private ReadOnlySequence<byte> _last;

    private enum State
    {
        Recording,
        Complete,
        Skipping,
        Off,
    }

    /// <summary>Connection middleware: records the connection's input from here on.</summary>
    public static async Task RunAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        var transport = connection.Transport;
        var recorder = new RequestHeadRecorder(transport.Input);
        connection.Items[Key] = recorder;
        connection.Transport = new Connections.DuplexPipe(recorder, transport.Output);
        try
        {
            await next(connection);
        }
        finally
        {
            connection.Transport = transport;
        }
    }

    /// <summary>The recorder of <paramref name="context"/>'s connection, or null when the connection is not recorded.</summary>
    public static RequestHeadRecorder? Of(HttpContext context)
        => context.Features.Get<Microsoft.AspNetCore.Connections.Features.IConnectionItemsFeature>()?.Items is { } items
           && items.TryGetValue(Key, out var value) ? value as RequestHeadRecorder : null;

    /// <summary>
    /// The current request's head (request line through the empty line), or empty when it was not recorded; then
    /// recording resumes after <paramref name="bodyLength"/> more bytes (the request's Content-Length, 0 without a
    /// body), or stops for good when it is negative (a chunked body). Call it once per request, before reading the body.
    /// </summary>
    /// <remarks>The bytes stay as they are until the request's body has been read: the next head is recorded after it.</remarks>
    public ReadOnlyMemory<byte> TakeHead(long bodyLength)
    {
        var head = _state == State.Complete ? _head.AsMemory(0, _length) : ReadOnlyMemory<byte>.Empty;
        if (_state is State.Complete or State.Recording)
        {
            // Body bytes consumed together with the head count against the body.
            var skip = bodyLength - _pastHead;
            (_length, _pastHead) = (0, 0);
            (_state, _skip) = bodyLength switch
            {
                < 0 => (State.Off, 0L),
                _ when skip <= 0 => (State.Recording, 0L),
                _ => (State.Skipping, skip),
            };
        }

        return head;
    }

    protected override bool BeforeRead() => _state != State.Off;

    protected override ReadResult Observe(ReadResult result)
    {
        _last = result.Buffer;
        return result;
    }

    public override void AdvanceTo(SequencePosition consumed)
    {
        Record(consumed);
        base.AdvanceTo(consumed);
    }

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        Record(consumed);
        base.AdvanceTo(consumed, examined);
    }

    // Kestrel consumed [start of the last buffer, consumed): the head's bytes, or the body's to skip.
    private void Record(SequencePosition consumed)
    {
        if (_state == State.Off || _last.IsEmpty)
        {
            return;
        }

        var bytes = _last.Slice(_last.Start, consumed);
        _last = default;
        if (_state == State.Complete)
        {
            _pastHead += bytes.Length;
            return;
        }

        if (_state == State.Skipping)
        {
            if (bytes.Length <= _skip)
            {
                _skip -= bytes.Length;
                if (_skip == 0)
                {
                    _state = State.Recording;
                }

                return;
            }

            bytes = bytes.Slice(_skip);
            _skip = 0;
            _state = State.Recording;
        }

        Append(bytes);
    }

    private void Append(ReadOnlySequence<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        if (_length + bytes.Length > MaxHead)
        {
            // Too large to keep (or not HTTP/1 at all): nothing more is recorded on this connection.
            (_state, _length) = (State.Off, 0);
            return;
        }

        if (_head.Length < _length + bytes.Length)
        {
            Array.Resize(ref _head, (int)Math.Min(MaxHead, Math.Max(512, Math.Max(_head.Length * 2, _length + bytes.Length))));
        }

        var from = Math.Max(0, _length - 3);
        bytes.CopyTo(_head.AsSpan(_length));
        _length += (int)bytes.Length;
        if (_length >= 4 && _head.AsSpan(0, 4).SequenceEqual("PRI "u8))
        {
            // RFC 9113 §3.4: the HTTP/2 preface; frames are not a head.
            (_state, _length) = (State.Off, 0);
            return;
        }

        var end = _head.AsSpan(from, _length - from).IndexOf("\r\n\r\n"u8);
        if (end >= 0)
        {
            _pastHead = _length - (from + end + 4);
            _length = from + end + 4;
            _state = State.Complete;
        }
    }
}
