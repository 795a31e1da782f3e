using System.Text;
using ConfigParser.Model;

namespace ConfigParser.Directives;

/// <summary>
/// Reads an errorfile once, at load: the file is a raw HTTP/1 response. Like haproxy 2.6 (src/http_htx.c
/// http_load_errorfile) it is cut at tune.bufsize with a warning, must parse as a response head, and an empty file
/// is allowed (the proxy then closes without answering). A relative path is relative to the working directory.
/// </summary>
internal static class ErrorFileReader
{
    /// <summary>haproxy 2.6 tune.bufsize default: an error message must fit in one buffer.</summary>
    public const int MaxSize = 16384;

    /// <summary>The outcome: the message, or HAProxy's error text (after "errorfile : "), plus a truncation warning.</summary>
    public readonly record struct Result(HttpErrorMessage? Message, string? Error, string? Warning);

    public static Result Read(string path)
    {
        byte[] bytes;
        try
        {
            if (Directory.Exists(path))
            {
                return new(null, $"error reading file '{path}'.", null);
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new(null, $"error opening file '{path}'.", null);
        }

        string? warning = null;
        if (bytes.Length > MaxSize)
        {
            warning = $"custom error message file '{path}' larger than {MaxSize} bytes. Truncating.";
            bytes = bytes[..MaxSize];
        }

        if (bytes.Length == 0)
        {
            return new(HttpErrorMessage.Empty, null, warning);
        }

        var (message, offset) = Parse(bytes);
        if (message is null)
        {
            return new(null, $"'{path}': unable to parse headers (error offset: {offset})", warning);
        }

        return HtxSize(message) > HtxCapacity
            ? new(null, $"'{path}': unable to add payload into the HTX message", warning)
            : new(message, null, warning);
    }

    /// <summary>
    /// What HAProxy 2.6 can hold of one message in a 16384-byte buffer once it is converted to its internal (HTX)
    /// form: measured with `haproxy -c` (the largest body accepted for a given head), not derived from its source.
    /// </summary>
    private const int HtxCapacity = 16315;

    // Every part costs its bytes plus an 8-byte block: the start line (version, code, reason), each header
    // (name and value), the end of headers, and the body.
    private static int HtxSize(HttpErrorMessage message)
    {
        var size = message.Version.Length + 3 + message.Reason.Length + 8;
        foreach (var (name, value) in message.Headers)
        {
            size += name.Length + value.Length + 8;
        }

        return size + 8 + 8 + message.Body.Length;
    }

    /// <summary>Parses a raw response; on failure returns the offset of the first byte that does not fit.</summary>
    public static (HttpErrorMessage? Message, int ErrorOffset) Parse(ReadOnlySpan<byte> bytes)
    {
        var position = 0;
        if (!TryLine(bytes, ref position, out var start, out var end))
        {
            return (null, 0);
        }

        var statusLine = bytes[start..end];
        // "HTTP/1.x SP DDD [SP reason]"
        if (statusLine.Length < 12 || !statusLine.StartsWith("HTTP/1."u8) || !char.IsAsciiDigit((char)statusLine[7]) || statusLine[8] != ' ')
        {
            return (null, start + FirstMismatch(statusLine));
        }

        var code = statusLine.Slice(9, 3);
        if (!char.IsAsciiDigit((char)code[0]) || !char.IsAsciiDigit((char)code[1]) || !char.IsAsciiDigit((char)code[2])
            || (statusLine.Length > 12 && statusLine[12] != ' '))
        {
            return (null, start + 9);
        }

        var status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
        var reason = statusLine.Length > 13 ? Encoding.Latin1.GetString(statusLine[13..]) : "";
        var headers = new List<KeyValuePair<string, string>>();
        long? contentLength = null;
        while (true)
        {
            if (!TryLine(bytes, ref position, out start, out end))
            {
                return (null, bytes.Length);
            }

            if (start == end)
            {
                break;
            }

            var line = bytes[start..end];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0 || !IsToken(line[..colon]))
            {
                return (null, start + Math.Max(colon, 0));
            }

            var name = Encoding.Latin1.GetString(line[..colon]);
            var value = Encoding.Latin1.GetString(line[(colon + 1)..]).Trim(' ', '\t');
            if (name.Equals("content-length", StringComparison.OrdinalIgnoreCase))
            {
                if (!long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length))
                {
                    return (null, start + colon + 1);
                }

                contentLength = length;
            }

            headers.Add(new(name, value));
        }

        var body = bytes[position..];
        if (contentLength is { } declared && declared < body.Length)
        {
            body = body[..(int)declared];
        }

        return (new HttpErrorMessage(Encoding.ASCII.GetString(statusLine[..8]), status, reason, headers, body.ToArray()), 0);
    }

    // One line ending in LF (a CR before it is dropped); false when the input ends first.
    private static bool TryLine(ReadOnlySpan<byte> bytes, ref int position, out int start, out int end)
    {
        start = position;
        var lf = bytes[position..].IndexOf((byte)'\n');
        if (lf < 0)
        {
            end = start;
            return false;
        }

        end = position + lf;
        position = end + 1;
        if (end > start && bytes[end - 1] == '\r')
        {
            end--;
        }

        return true;
    }

    private static int FirstMismatch(ReadOnlySpan<byte> statusLine)
    {
        ReadOnlySpan<byte> expected = "HTTP/1."u8;
        var i = 0;
        while (i < statusLine.Length && i < expected.Length && statusLine[i] == expected[i])
        {
            i++;
        }

        return i;
    }

    // RFC 9110 §5.6.2 token characters.
    private static bool IsToken(ReadOnlySpan<byte> name)
    {
        foreach (var b in name)
        {
            if (b <= 0x20 || b >= 0x7f || "\"(),/:;<=>?@[\\]{}"u8.Contains(b))
            {
                return false;
            }
        }

        return true;
    }
}
