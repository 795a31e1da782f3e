using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Proxy.Http.Upstream;

/// <summary>
/// Writes a request head for HTTP/1.1 the way haproxy 2.6 forwards it: the client's header lines one by one (a
/// repeated header stays repeated), names lower-cased, values untouched, Host first, nothing added except what the
/// configuration says (X-Forwarded-For, X-Original-To, `connection: close`). Only the Connection header is edited:
/// its keep-alive and close tokens concern the client's connection and are dropped (haproxy 2.6 does the same).
/// </summary>
internal static class H1RequestWriter
{
    private static ReadOnlySpan<byte> Version => " HTTP/1.1\r\n"u8;

    private static ReadOnlySpan<byte> Separator => ": "u8;

    private static ReadOnlySpan<byte> Crlf => "\r\n"u8;

    /// <summary>Writes "METHOD target HTTP/1.1", the headers and the empty line into <paramref name="buffer"/>.</summary>
    /// <param name="buffer">Where the head goes.</param>
    /// <param name="method">The request's method.</param>
    /// <param name="target">The request target as it goes out.</param>
    /// <param name="headers">The request's headers after the rules.</param>
    /// <param name="extras">What the configuration adds.</param>
    /// <param name="rawHead">The head as the client wrote it (src/Proxy/Wire), or empty: then Host first and Kestrel's order.</param>
    /// <param name="inPlace">Headers `replace-header`/`replace-value` rewrote where they stand.</param>
    public static void WriteHead(H1WriteBuffer buffer, string method, string target, IHeaderDictionary headers, in H1RequestExtras extras,
        ReadOnlySpan<byte> rawHead = default, Wire.InPlaceHeaderEdits? inPlace = null)
    {
        buffer.Clear();
        if (target.AsSpan().IndexOfAny(" \r\n\0") >= 0)
        {
            // A target rewritten from request data (set-uri %[...]) must not split the request line.
            throw new InvalidDataException("the rewritten request target contains a space or a line break");
        }

        buffer.Append(method);
        buffer.Append(" "u8);
        buffer.Append(target);
        buffer.Append(Version);
        if (!rawHead.IsEmpty)
        {
            // haproxy 2.6 keeps the client's order: unchanged lines where they came, the rules' changes after them.
            Wire.WireOrder.ForEach(rawHead, method, headers, inPlace, (buffer, extras.Close), static (state, name, value) => WriteOne(state.buffer, state.Close, name, value));
            WriteExtras(buffer, extras);
            return;
        }

        // Without the client's head (HTTP/2 clients), Host goes first, as clients send it, then Kestrel's order.
        if (headers.TryGetValue("Host", out var host))
        {
            WriteLines(buffer, "host", host);
        }

        foreach (var header in headers)
        {
            var name = header.Key;
            if (name.Length == 0 || name[0] == ':' || name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                if (!extras.Close)
                {
                    WriteConnection(buffer, header.Value);
                }

                continue;
            }

            WriteLines(buffer, name, header.Value);
        }

        WriteExtras(buffer, extras);
    }

    private static void WriteOne(H1WriteBuffer buffer, bool close, string name, string value)
    {
        if (name.Length == 0 || name[0] == ':')
        {
            return;
        }

        if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
        {
            if (!close)
            {
                WriteConnection(buffer, value);
            }

            return;
        }

        WriteLine(buffer, name, value);
    }

    private static void WriteExtras(H1WriteBuffer buffer, in H1RequestExtras extras)
    {
        // haproxy 2.6 appends X-Forwarded-For, then X-Original-To.
        if (extras.ForwardForName is { } forwardFor && extras.ForwardForValue is { } address)
        {
            WriteLine(buffer, forwardFor, address);
        }

        if (extras.OriginalToName is { } originalTo && extras.OriginalToValue is { } destination)
        {
            WriteLine(buffer, originalTo, destination);
        }

        if (extras.Close)
        {
            buffer.Append("connection: close\r\n"u8);
        }

        buffer.Append(Crlf);
    }

    private static void WriteLines(H1WriteBuffer buffer, string name, StringValues values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            WriteLine(buffer, name, values[i] ?? "");
        }
    }

    private static void WriteLine(H1WriteBuffer buffer, string name, string value)
    {
        if (value.AsSpan().IndexOfAny("\r\n\0") >= 0)
        {
            // Kestrel refuses such values from clients; one set by a rule (set-header %[...]) must not inject a line.
            throw new InvalidDataException($"the value of header '{name}' contains a line break");
        }

        buffer.AppendLowerName(name);
        buffer.Append(Separator);
        buffer.Append(value);
        buffer.Append(Crlf);
    }

    // Each Connection line without its keep-alive/close tokens; a line left empty is not sent.
    private static void WriteConnection(H1WriteBuffer buffer, StringValues values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var value = (values[i] ?? "").AsSpan();
            var first = true;
            while (value.Length > 0)
            {
                var comma = value.IndexOf(',');
                var token = (comma < 0 ? value : value[..comma]).Trim();
                value = comma < 0 ? default : value[(comma + 1)..];
                if (token.Length == 0 || token.Equals("keep-alive", StringComparison.OrdinalIgnoreCase)
                    || token.Equals("close", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                // haproxy 2.6.12 joins the tokens it keeps with a bare comma ("connection: X-Hop,TE").
                buffer.Append(first ? "connection: "u8 : ","u8);
                buffer.Append(token);
                first = false;
            }

            if (!first)
            {
                buffer.Append(Crlf);
            }
        }
    }
}
