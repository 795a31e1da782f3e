using System.Globalization;
using System.Net;
using System.Text;

namespace Proxy.Logging;

/// <summary>
/// Renders compiled <see cref="LogNode"/>s for one <see cref="AccessLogEntry"/> into a reused buffer (haproxy 2.6
/// src/log.c build_logline): a separator is written once and not after a field that wrote nothing, an empty text
/// field prints `-` (or `""` when quoted), flags apply to text fields only, numbers stay bare.
/// </summary>
internal static class AccessLogFormatter
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Appends the line for <paramref name="entry"/> to <paramref name="output"/> (no newline).</summary>
    /// <param name="output">The buffer.</param>
    /// <param name="nodes">The compiled format.</param>
    /// <param name="entry">The request.</param>
    /// <param name="identity">%pid and %H.</param>
    public static void Format(StringBuilder output, LogNode[] nodes, AccessLogEntry entry, SyslogIdentity identity)
    {
        var lastIsSpace = true;
        foreach (var node in nodes)
        {
            switch (node.Kind)
            {
                case LogNodeKind.Separator:
                    if (!lastIsSpace)
                    {
                        output.Append(' ');
                        lastIsSpace = true;
                    }

                    break;
                case LogNodeKind.Literal:
                    output.Append(node.Text);
                    lastIsSpace = false;
                    break;
                case LogNodeKind.Sample:
                    AppendText(output, node, node.Sample!.Evaluate(entry));
                    lastIsSpace = false;
                    break;
                default:
                    if (AppendVariable(output, node, entry, identity))
                    {
                        lastIsSpace = false;
                    }

                    break;
            }
        }
    }

    // Returns false when the variable wrote nothing at all (captures not configured).
    private static bool AppendVariable(StringBuilder o, LogNode node, AccessLogEntry e, SyslogIdentity identity)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (node.Text)
        {
            case "ci": AppendIp(o, node, e.Client); break;
            case "cp": AppendNumber(o, node, e.Client?.Port ?? -1); break;
            case "fi": AppendText(o, node, Ip(e.FrontendAddress)); break;
            case "fp": AppendNumber(o, node, e.FrontendAddress?.Port ?? -1); break;
            case "bi": AppendText(o, node, Ip(e.BackendSource)); break;
            case "bp": AppendPort(o, node, e.BackendSource); break;
            case "si": AppendText(o, node, Ip(e.ServerAddress)); break;
            case "sp": AppendPort(o, node, e.ServerAddress); break;
            case "t":
            case "tr": AppendDate(o, e.AcceptDate); break;
            case "trg":
            case "T": AppendDateWithOffset(o, e.AcceptDate.ToUniversalTime()); break;
            case "trl":
            case "Tl": AppendDateWithOffset(o, e.AcceptDate); break;
            case "Ts": AppendNumber(o, node, e.AcceptDate.ToUnixTimeSeconds()); break;
            case "ms": o.Append(e.AcceptDate.Millisecond.ToString("D3", inv)); break;
            case "f": AppendText(o, node, e.Frontend); break;
            case "ft": AppendText(o, node, e.IsTls ? e.Frontend + "~" : e.Frontend); break;
            case "b": AppendText(o, node, e.Backend); break;
            case "s": AppendText(o, node, e.Server ?? "<NOSRV>"); break;
            case "Th": AppendNumber(o, node, e.HandshakeMs); break;
            case "Ti": AppendNumber(o, node, e.IdleMs); break;
            case "TR": AppendNumber(o, node, e.RequestMs); break;
            case "Tq": AppendNumber(o, node, e.HandshakeMs < 0 || e.IdleMs < 0 || e.RequestMs < 0 ? -1 : e.HandshakeMs + e.IdleMs + e.RequestMs); break;
            case "Tw": AppendNumber(o, node, e.QueueMs); break;
            case "Tc": AppendNumber(o, node, e.ConnectMs); break;
            case "Tr": AppendNumber(o, node, e.ResponseMs); break;
            case "Ta": AppendNumber(o, node, e.ActiveMs); break;
            case "Tt": AppendNumber(o, node, e.TotalMs); break;
            case "Td":
                AppendNumber(o, node, e.ResponseMs < 0 || e.ActiveMs < 0 ? -1 : e.ActiveMs - (Math.Max(0, e.RequestMs) + Math.Max(0, e.QueueMs) + Math.Max(0, e.ConnectMs) + e.ResponseMs));
                break;
            case "ST": AppendNumber(o, node, e.Status == 0 ? -1 : e.Status); break;
            case "B": AppendNumber(o, node, e.BytesRead); break;
            case "U": AppendNumber(o, node, e.BytesUploaded); break;
            case "CC":
            case "CS": AppendText(o, node, null); break;
            case "ts": o.Append(e.TerminationState, 0, 2); break;
            case "tsc": o.Append(e.TerminationState); break;
            case "ac": AppendNumber(o, node, e.ActiveConnections); break;
            case "fc": AppendNumber(o, node, e.FrontendConnections); break;
            case "bc": AppendNumber(o, node, e.BackendConnections); break;
            case "sc": AppendNumber(o, node, e.ServerConnections); break;
            case "rc":
                if (e.Redispatched)
                {
                    o.Append('+');
                }

                AppendNumber(o, node, e.Retries);
                break;
            case "sq": AppendNumber(o, node, e.ServerQueue); break;
            case "bq": AppendNumber(o, node, e.BackendQueue); break;
            case "hr": return AppendCaptures(o, node, e.RequestCaptures);
            case "hs": return AppendCaptures(o, node, e.ResponseCaptures);
            case "hrl": return AppendCaptureList(o, node, e.RequestCaptures);
            case "hsl": return AppendCaptureList(o, node, e.ResponseCaptures);
            case "r": AppendRequestLine(o, node, e); break;
            case "HM": AppendText(o, node, e.Method); break;
            case "HU": AppendText(o, node, e.Uri); break;
            case "HP": AppendText(o, node, PathOf(e.Uri)); break;
            case "HQ": AppendText(o, node, QueryOf(e.Uri)); break;
            case "HV": AppendText(o, node, e.Version); break;
            case "ID": AppendText(o, node, e.UniqueId); break;
            case "pid": AppendNumber(o, node, identity.ProcessId); break;
            case "H": AppendText(o, node, string.IsNullOrEmpty(identity.Hostname) ? identity.MachineName : identity.Hostname); break;
            case "rt": AppendNumber(o, node, e.RequestCounter); break;
            case "lc": AppendNumber(o, node, e.LogCounter); break;
            case "sslv": AppendText(o, node, e.TlsVersion); break;
            case "sslc": AppendText(o, node, e.TlsCipher); break;
            default: break;
        }

        return true;
    }

    // %r without building the string: "METHOD URI VERSION", `<BADREQ>` for a refused head, `-` when no request line was read.
    private static void AppendRequestLine(StringBuilder o, LogNode node, AccessLogEntry e)
    {
        if (e.IsBadRequest)
        {
            AppendText(o, node, "<BADREQ>");
            return;
        }

        if (e.Method.Length == 0 || node.Escape)
        {
            AppendText(o, node, e.Method.Length == 0 ? null : $"{e.Method} {e.Uri} {e.Version}");
            return;
        }

        if (node.Quote)
        {
            o.Append('"');
        }

        o.Append(e.Method).Append(' ').Append(e.Uri).Append(' ').Append(e.Version);
        if (node.Quote)
        {
            o.Append('"');
        }
    }

    // The client address is in every built-in format: formatted in place rather than through a string.
    private static void AppendIp(StringBuilder o, LogNode node, IPEndPoint? endpoint)
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

    private static string? Ip(IPEndPoint? endpoint)
        => endpoint is null ? null : (endpoint.Address.IsIPv4MappedToIPv6 ? endpoint.Address.MapToIPv4() : endpoint.Address).ToString();

    private static void AppendPort(StringBuilder o, LogNode node, IPEndPoint? endpoint)
    {
        if (endpoint is null)
        {
            AppendText(o, node, null);
            return;
        }

        AppendNumber(o, node, endpoint.Port);
    }

    private static string PathOf(string uri)
    {
        var query = uri.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? uri : uri[..query];
    }

    private static string QueryOf(string uri)
    {
        var query = uri.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? "" : uri[query..];
    }

    private static void AppendNumber(StringBuilder o, LogNode node, long value)
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

    private static void AppendText(StringBuilder o, LogNode node, string? value)
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
    private static bool AppendCaptures(StringBuilder o, LogNode node, IReadOnlyList<string?> captures)
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
    private static bool AppendCaptureList(StringBuilder o, LogNode node, IReadOnlyList<string?> captures)
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
    private static void AppendDate(StringBuilder o, DateTimeOffset date)
    {
        AppendDay(o, date);
        o.Append('.').Append(date.Millisecond.ToString("D3", CultureInfo.InvariantCulture));
    }

    // %trg / %T: "22/Nov/2026:05:22:59 +0000".
    private static void AppendDateWithOffset(StringBuilder o, DateTimeOffset date)
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
