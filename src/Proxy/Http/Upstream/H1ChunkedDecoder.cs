using System.Buffers;

namespace Proxy.Http.Upstream;

/// <summary>
/// Decodes a chunked body (RFC 9112 §7.1) incrementally from whatever bytes have arrived: chunk sizes, extensions
/// and trailers are consumed, data is handed out as slices of the input (no copy). Trailers are dropped, as for
/// an HTTP/1.1 client Kestrel re-chunks the body and has no trailer to give.
/// </summary>
internal struct H1ChunkedDecoder
{
    // A chunk-size line or trailer line longer than this is refused (haproxy 2.6 would not buffer it either).
    private const int MaxLineLength = 4096;

    private long _remaining;
    private State _state;

    private enum State : byte
    {
        Size,
        Data,
        DataEnd,
        Trailers,
        Done,
    }

    public readonly bool IsDone => _state == State.Done;

    public void Reset() => this = default;

    /// <summary>
    /// Consumes framing from <paramref name="reader"/> and returns the next data slice, or what stopped it.
    /// </summary>
    public H1ChunkResult Read(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> data)
    {
        data = default;
        while (true)
        {
            switch (_state)
            {
                case State.Size:
                    if (!TryReadLine(ref reader, out var line, out var tooLong))
                    {
                        return tooLong ? H1ChunkResult.Invalid : H1ChunkResult.NeedMore;
                    }

                    if (!TryParseSize(line, out _remaining))
                    {
                        return H1ChunkResult.Invalid;
                    }

                    _state = _remaining == 0 ? State.Trailers : State.Data;
                    break;

                case State.Data:
                    if (reader.Remaining == 0)
                    {
                        return H1ChunkResult.NeedMore;
                    }

                    var take = Math.Min(reader.Remaining, _remaining);
                    data = reader.UnreadSequence.Slice(0, take);
                    reader.Advance(take);
                    _remaining -= take;
                    if (_remaining == 0)
                    {
                        _state = State.DataEnd;
                    }

                    return H1ChunkResult.Data;

                case State.DataEnd:
                    if (!TryReadLine(ref reader, out var end, out _))
                    {
                        return reader.Remaining > 2 ? H1ChunkResult.Invalid : H1ChunkResult.NeedMore;
                    }

                    if (!end.IsEmpty)
                    {
                        return H1ChunkResult.Invalid;
                    }

                    _state = State.Size;
                    break;

                case State.Trailers:
                    if (!TryReadLine(ref reader, out var trailer, out var trailerTooLong))
                    {
                        return trailerTooLong ? H1ChunkResult.Invalid : H1ChunkResult.NeedMore;
                    }

                    if (trailer.IsEmpty)
                    {
                        _state = State.Done;
                        return H1ChunkResult.Done;
                    }

                    break;

                default:
                    return H1ChunkResult.Done;
            }
        }
    }

    // A line without its CRLF (or bare LF).
    private static bool TryReadLine(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> line, out bool tooLong)
    {
        tooLong = false;
        if (!reader.TryReadTo(out line, (byte)'\n'))
        {
            tooLong = reader.Remaining > MaxLineLength;
            return false;
        }

        if (line.Length > MaxLineLength)
        {
            tooLong = true;
            return false;
        }

        if (!line.IsEmpty && line.Slice(line.Length - 1).FirstSpan[0] == '\r')
        {
            line = line.Slice(0, line.Length - 1);
        }

        return true;
    }

    private static bool TryParseSize(ReadOnlySequence<byte> line, out long size)
    {
        size = 0;
        Span<byte> copy = stackalloc byte[64];
        var length = (int)Math.Min(line.Length, copy.Length);
        line.Slice(0, length).CopyTo(copy);
        var text = copy[..length];
        var digits = 0;
        foreach (var b in text)
        {
            var value = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (value < 0)
            {
                // Only an extension (";name=value") or whitespace before it may follow the size.
                return digits > 0 && b is (byte)';' or (byte)' ' or (byte)'\t';
            }

            if (++digits > 15)
            {
                return false;
            }

            size = (size << 4) | (long)value;
        }

        return digits > 0 && line.Length <= copy.Length;
    }
}
