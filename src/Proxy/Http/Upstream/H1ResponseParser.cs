using System.Buffers.Text;
using System.Text;

namespace Proxy.Http.Upstream;

/// <summary>
/// Parses a server's HTTP/1.x response head from bytes: status line, header lines, and the framing they imply
/// (RFC 9112 §6.3). Lines may end in CRLF or a bare LF, as haproxy 2.6 accepts. Anything else that is not a valid
/// head is <see cref="H1ParseResult.Invalid"/>; haproxy answers both that and an oversized head with 502 (PH).
/// </summary>
internal static class H1ResponseParser
{
    /// <summary>haproxy 2.6: a head must fit in tune.bufsize (16384) less tune.maxrewrite (1024).</summary>
    public const int MaxHeadLength = 16384 - 1024;

    /// <summary>Parses the head at the start of <paramref name="data"/> into <paramref name="head"/>.</summary>
    public static H1ParseResult TryParse(ReadOnlySpan<byte> data, H1ResponseHead head)
    {
        head.Reset();
        var end = data.IndexOf("\n\r\n"u8) is var crlf and >= 0 ? crlf + 3 : -1;
        // A bare-LF end only counts before the CRLF one: searched there only, not through the body behind the head
        // (a whole 16 KiB body was scanned for "\n\n" on every response).
        var lf = (end < 0 ? data : data[..end]).IndexOf("\n\n"u8);
        if (lf >= 0 && (end < 0 || lf + 2 < end))
        {
            end = lf + 2;
        }

        if (end < 0)
        {
            return data.Length >= MaxHeadLength ? H1ParseResult.TooLarge : IncompleteOrInvalid(data);
        }

        if (end > MaxHeadLength)
        {
            return H1ParseResult.TooLarge;
        }

        head.Length = end;
        var position = 0;
        var line = NextLine(data, ref position);
        if (!StatusLine(line, head))
        {
            return H1ParseResult.Invalid;
        }

        var keepAlive = false;
        while (true)
        {
            var start = position;
            line = NextLine(data, ref position);
            if (line.Length == 0)
            {
                break;
            }

            if (!Header(line, start, head, ref keepAlive))
            {
                return H1ParseResult.Invalid;
            }
        }

        if (head.MinorVersion == 0 && !keepAlive)
        {
            head.Close = true;
        }

        if (head.Chunked || head.OtherTransferEncoding)
        {
            // RFC 9112 §6.3: Transfer-Encoding overrides Content-Length.
            head.ContentLength = -1;
        }

        return H1ParseResult.Complete;
    }

    // Before the empty line arrives, a first line that cannot become a status line is junk already.
    private static H1ParseResult IncompleteOrInvalid(ReadOnlySpan<byte> data)
    {
        var prefix = "HTTP/"u8;
        var n = Math.Min(prefix.Length, data.Length);
        return data[..n].SequenceEqual(prefix[..n]) ? H1ParseResult.Incomplete : H1ParseResult.Invalid;
    }

    // The line at position without its CRLF or LF; position moves past the line end.
    private static ReadOnlySpan<byte> NextLine(ReadOnlySpan<byte> data, ref int position)
    {
        var rest = data[position..];
        var newline = rest.IndexOf((byte)'\n');
        var line = rest[..newline];
        position += newline + 1;
        return line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;
    }

    private static bool StatusLine(ReadOnlySpan<byte> line, H1ResponseHead head)
    {
        // "HTTP/1.x SSS[ reason]"
        if (line.Length < 12 || !line.StartsWith("HTTP/1."u8) || line[7] is not ((byte)'0' or (byte)'1') || line[8] != ' '
            || !IsDigit(line[9]) || !IsDigit(line[10]) || !IsDigit(line[11]) || line[9] == '0'
            || (line.Length > 12 && line[12] != ' '))
        {
            return false;
        }

        head.MinorVersion = line[7] - '0';
        head.Status = ((line[9] - '0') * 100) + ((line[10] - '0') * 10) + (line[11] - '0');
        if (line.Length > 13)
        {
            head.ReasonStart = 13;
            head.ReasonLength = line.Length - 13;
        }

        return true;
    }

    private static bool Header(ReadOnlySpan<byte> line, int start, H1ResponseHead head, ref bool keepAlive)
    {
        var colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            return false;
        }

        var name = line[..colon];
        if (name.ContainsAnyExcept(TokenChars))
        {
            // Also rejects obs-fold (a line starting with a space) and a space before the colon.
            return false;
        }

        var valueStart = colon + 1;
        var valueEnd = line.Length;
        while (valueStart < valueEnd && line[valueStart] is (byte)' ' or (byte)'\t')
        {
            valueStart++;
        }

        while (valueEnd > valueStart && line[valueEnd - 1] is (byte)' ' or (byte)'\t')
        {
            valueEnd--;
        }

        var value = line[valueStart..valueEnd];
        if (value.IndexOfAny((byte)'\0', (byte)'\r') >= 0)
        {
            return false;
        }

        var kind = H1HeaderKind.Other;
        if (name.Length == 14 && Ascii.EqualsIgnoreCase(name, "content-length"u8))
        {
            if (!Utf8Parser.TryParse(value, out long length, out var used) || used != value.Length || length < 0
                || (head.ContentLength >= 0 && head.ContentLength != length))
            {
                // haproxy 2.6: an unparsable or conflicting Content-Length is a bad response.
                return false;
            }

            head.ContentLength = length;
            kind = H1HeaderKind.ContentLength;
        }
        else if (name.Length == 17 && Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8))
        {
            var last = value.LastIndexOf((byte)',');
            var coding = (last < 0 ? value : value[(last + 1)..]).Trim(" \t"u8);
            head.Chunked = Ascii.EqualsIgnoreCase(coding, "chunked"u8);
            head.OtherTransferEncoding = !head.Chunked;
            kind = H1HeaderKind.HopByHop;
        }
        else if (name.Length == 10 && Ascii.EqualsIgnoreCase(name, "connection"u8))
        {
            Tokens(value, head, ref keepAlive);
            kind = H1HeaderKind.HopByHop;
        }
        else if ((name.Length == 10 && Ascii.EqualsIgnoreCase(name, "keep-alive"u8))
            || (name.Length == 16 && Ascii.EqualsIgnoreCase(name, "proxy-connection"u8))
            || (name.Length == 7 && Ascii.EqualsIgnoreCase(name, "upgrade"u8)))
        {
            kind = H1HeaderKind.HopByHop;
        }

        head.Add(new H1HeaderRange(start, colon, start + valueStart, value.Length, kind));
        return true;
    }

    private static void Tokens(ReadOnlySpan<byte> value, H1ResponseHead head, ref bool keepAlive)
    {
        while (value.Length > 0)
        {
            var comma = value.IndexOf((byte)',');
            var token = (comma < 0 ? value : value[..comma]).Trim(" \t"u8);
            value = comma < 0 ? default : value[(comma + 1)..];
            if (Ascii.EqualsIgnoreCase(token, "close"u8))
            {
                head.Close = true;
            }
            else if (Ascii.EqualsIgnoreCase(token, "keep-alive"u8))
            {
                keepAlive = true;
            }
        }
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    // RFC 9110 §5.6.2 tchar.
    // RFC 9110 §5.6.2 tchar, searched vectorized (a loop over the name was a measurable share of a response).
    private static readonly System.Buffers.SearchValues<byte> TokenChars = System.Buffers.SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~"u8);
}
