using System.Globalization;
using System.Net;
using System.Text;

namespace Proxy.Logging;

/// <summary>
/// How one access-log field's value is written (haproxy 2.6 src/log.c lf_* helpers): addresses and ports in place,
/// numbers bare, text with the `Q`/`E`/`X` flags and `-` for nothing, captured headers, and the log's dates.
/// </summary>
internal static class LogValues
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    // The client address is in every built-in format: formatted in place rather than through a string.
    internal static void AppendIp(StringBuilder o, LogNode node, IPEndPoint? endpoint)
    {
        Span<char> text = stackalloc char[64];
        if (endpoint is null || node.Escape || !(endpoint.Address.IsIPv4MappedToIPv6 ? endpoint.Address.MapToIPv4() : endpoint.Address).TryFormat(text, out var length))
        {
            AppendText(o, node, Ip(endpoint));
            return;
        }

        if (node.Quote)
        {
            o.Append('"');
        }

        o.Append(text[..length]);
        if (node.Quote)
        {
            o.Append('"');
        }
    }

    internal static string? Ip(IPEndPoint? endpoint)
        => endpoint is null ? null : (endpoint.Address.IsIPv4MappedToIPv6 ? endpoint.Address.MapToIPv4() : endpoint.Address).ToString();

    internal static void AppendPort(StringBuilder o, LogNode node, IPEndPoint? endpoint)
    {
        if (endpoint is null)
        {
            AppendText(o, node, null);
            return;
        }

        AppendNumber(o, node, endpoint.Port);
    }

    internal static string PathOf(string uri)
    {
        var query = uri.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? uri : uri[..query];
    }

    internal static string QueryOf(string uri)
    {
        var query = uri.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? "" : uri[query..];
    }

    internal static void AppendNumber(StringBuilder o, LogNode node, long value)
    {
        if (node.Hex)
        {
            o.Append(value.ToString("X", CultureInfo.InvariantCulture));
        }
        else
        {
            o.Append(value);
        }
    }

    internal static void AppendText(StringBuilder o, LogNode node, string? value)
    {
        if (node.Quote)
        {
            o.Append('"');
        }
        else if (string.IsNullOrEmpty(value))
        {
            o.Append('-');
            return;
        }

        if (value is not null)
        {
            if (node.Escape)
            {
                foreach (var ch in value)
                {
                    if (ch is '"' or '\\' or ']')
                    {
                        o.Append('\\');
                    }

                    o.Append(ch);
                }
            }
            else
            {
                o.Append(value);
            }
        }

        if (node.Quote)
        {
            o.Append('"');
        }
    }

    // %hr: "{v1|v2}" in declaration order; nothing at all when no header is captured.
    internal static bool AppendCaptures(StringBuilder o, LogNode node, IReadOnlyList<string?> captures)
    {
        if (captures.Count == 0)
        {
            return false;
        }

        if (node.Quote)
        {
            o.Append('"');
        }

        o.Append('{');
        for (var i = 0; i < captures.Count; i++)
        {
            if (i > 0)
            {
                o.Append('|');
            }

            AppendEncoded(o, captures[i]);
        }

        o.Append('}');
        if (node.Quote)
        {
            o.Append('"');
        }

        return true;
    }

    // %hrl: one field per capture, separated by spaces.
    internal static bool AppendCaptureList(StringBuilder o, LogNode node, IReadOnlyList<string?> captures)
    {
        if (captures.Count == 0)
        {
            return false;
        }

        for (var i = 0; i < captures.Count; i++)
        {
            if (i > 0)
            {
                o.Append(' ');
            }

            if (node.Quote)
            {
                o.Append('"');
                AppendEncoded(o, captures[i]);
                o.Append('"');
            }
            else if (string.IsNullOrEmpty(captures[i]))
            {
                o.Append('-');
            }
            else
            {
                AppendEncoded(o, captures[i]);
            }
        }

        return true;
    }

    // haproxy 2.6 hdr_encode_map: control characters, DEL and above, '"', '#', '{', '|', '}' become #XX.
    private static void AppendEncoded(StringBuilder o, string? value)
    {
        if (value is null)
        {
            return;
        }

        foreach (var ch in value)
        {
            if (ch < 32 || ch >= 127 || ch is '"' or '#' or '{' or '|' or '}')
            {
                o.Append('#').Append(((int)ch & 0xFF).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                o.Append(ch);
            }
        }
    }

    // %t / %tr: "22/Nov/2026:05:22:59.718".
    internal static void AppendDate(StringBuilder o, DateTimeOffset date)
    {
        AppendDay(o, date);
        o.Append('.').Append(date.Millisecond.ToString("D3", CultureInfo.InvariantCulture));
    }

    // %trg / %T: "22/Nov/2026:05:22:59 +0000".
    internal static void AppendDateWithOffset(StringBuilder o, DateTimeOffset date)
    {
        AppendDay(o, date);
        var offset = date.Offset;
        o.Append(' ').Append(offset < TimeSpan.Zero ? '-' : '+').Append(offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture));
    }

    private static void AppendDay(StringBuilder o, DateTimeOffset date)
    {
        var inv = CultureInfo.InvariantCulture;
        o.Append(date.Day.ToString("D2", inv)).Append('/').Append(Months[date.Month - 1]).Append('/').Append(date.Year.ToString("D4", inv)).Append(':');
        SyslogHeader.AppendTime(o, date);
    }
}
