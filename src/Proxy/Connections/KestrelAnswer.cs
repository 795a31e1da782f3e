using System.Buffers.Text;

namespace Proxy.Connections;

/// <summary>
/// Recognises the response Kestrel writes on its own when it refuses a request before any application code ran
/// (a malformed or incomplete head, a head not complete in time): a status line, only framing headers
/// (`Content-Length: 0`, `Connection: close`, `Date`) and no body. Only bytes written while no request was being
/// handled are ever shown here, so this shape is enough to tell it from anything else.
/// </summary>
internal static class KestrelAnswer
{
    private static ReadOnlySpan<byte> StatusPrefix => "HTTP/1.1 "u8;

    private static ReadOnlySpan<byte> EmptyBody => "\r\nContent-Length: 0\r\n"u8;

    private static ReadOnlySpan<byte> EndOfHead => "\r\n\r\n"u8;

    /// <summary>The status of Kestrel's own error answer in <paramref name="bytes"/>, or 0 when they are something else.</summary>
    public static int StatusOf(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.StartsWith(StatusPrefix) || bytes.Length < StatusPrefix.Length + 4 || bytes[StatusPrefix.Length + 3] != (byte)' ')
        {
            return 0;
        }

        if (!Utf8Parser.TryParse(bytes.Slice(StatusPrefix.Length, 3), out int status, out var consumed) || consumed != 3 || status is < 400 or > 599)
        {
            return 0;
        }

        // Exactly one head and nothing after it: Kestrel's refusals have no body.
        var end = bytes.IndexOf(EndOfHead);
        if (end < 0 || end + EndOfHead.Length != bytes.Length)
        {
            return 0;
        }

        return bytes[..(end + 2)].IndexOf(EmptyBody) >= 0 ? status : 0;
    }
}
