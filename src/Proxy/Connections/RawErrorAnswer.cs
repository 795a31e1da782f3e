using System.Text;

namespace Proxy.Connections;

/// <summary>
/// The answers haproxy 2.6 sends on its own, before any request was parsed, to a client whose request head was
/// malformed or incomplete: its built-in 400 or 408 page, raw and byte for byte (header case included), never the
/// frontend's errorfile (both checked against haproxy 2.6.12 with `errorfile 400`/`408` set), and the connection closed.
/// </summary>
internal static class RawErrorAnswer
{
    private static readonly byte[] BadRequestBytes = Build(400, "Bad request");
    private static readonly byte[] RequestTimeoutBytes = Build(408, "Request Time-out");

    /// <summary>haproxy 2.6's answer to a request head it cannot parse (or cut by the client's close).</summary>
    public static ReadOnlySpan<byte> BadRequest => BadRequestBytes;

    /// <summary>haproxy 2.6's answer to a client that did not send a complete request head in time.</summary>
    public static ReadOnlySpan<byte> RequestTimeout => RequestTimeoutBytes;

    /// <summary>The answer for <paramref name="status"/>: 408 for a timeout, 400 for every other refusal.</summary>
    public static ReadOnlySpan<byte> For(int status) => status == 408 ? RequestTimeoutBytes : BadRequestBytes;

    private static byte[] Build(int status, string reason)
    {
        var body = Http.HaproxyErrorPages.Body(status).Span;
        var head = $"HTTP/1.1 {status} {reason}\r\nContent-length: {body.Length}\r\nCache-Control: no-cache\r\nConnection: close\r\nContent-Type: text/html\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }
}
