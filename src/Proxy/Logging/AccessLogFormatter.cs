using System.Globalization;
using System.Text;

namespace Proxy.Logging;

/// <summary>
/// Renders compiled <see cref="LogNode"/>s for one <see cref="AccessLogEntry"/> into a reused buffer (haproxy 2.6
/// src/log.c build_logline): a separator is written once and not after a field that wrote nothing, an empty text
/// field prints `-` (or `""` when quoted), flags apply to text fields only, numbers stay bare.
/// </summary>
internal static class AccessLogFormatter
{
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
                    LogValues.AppendText(output, node, node.Sample!.Evaluate(entry));
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
            case "ci": LogValues.AppendIp(o, node, e.Client); break;
            case "cp": LogValues.AppendNumber(o, node, e.Client?.Port ?? -1); break;
            case "fi": LogValues.AppendText(o, node, LogValues.Ip(e.FrontendAddress)); break;
            case "fp": LogValues.AppendNumber(o, node, e.FrontendAddress?.Port ?? -1); break;
            case "bi": LogValues.AppendText(o, node, LogValues.Ip(e.BackendSource)); break;
            case "bp": LogValues.AppendPort(o, node, e.BackendSource); break;
            case "si": LogValues.AppendText(o, node, LogValues.Ip(e.ServerAddress)); break;
            case "sp": LogValues.AppendPort(o, node, e.ServerAddress); break;
            case "t":
            case "tr": LogValues.AppendDate(o, e.AcceptDate); break;
            case "trg":
            case "T": LogValues.AppendDateWithOffset(o, e.AcceptDate.ToUniversalTime()); break;
            case "trl":
            case "Tl": LogValues.AppendDateWithOffset(o, e.AcceptDate); break;
            case "Ts": LogValues.AppendNumber(o, node, e.AcceptDate.ToUnixTimeSeconds()); break;
            case "ms": o.Append(e.AcceptDate.Millisecond.ToString("D3", inv)); break;
            case "f": LogValues.AppendText(o, node, e.Frontend); break;
            case "ft": LogValues.AppendText(o, node, e.IsTls ? e.Frontend + "~" : e.Frontend); break;
            case "b": LogValues.AppendText(o, node, e.Backend); break;
            case "s": LogValues.AppendText(o, node, e.Server ?? "<NOSRV>"); break;
            case "Th": LogValues.AppendNumber(o, node, e.HandshakeMs); break;
            case "Ti": LogValues.AppendNumber(o, node, e.IdleMs); break;
            case "TR": LogValues.AppendNumber(o, node, e.RequestMs); break;
            case "Tq": LogValues.AppendNumber(o, node, e.HandshakeMs < 0 || e.IdleMs < 0 || e.RequestMs < 0 ? -1 : e.HandshakeMs + e.IdleMs + e.RequestMs); break;
            case "Tw": LogValues.AppendNumber(o, node, e.QueueMs); break;
            case "Tc": LogValues.AppendNumber(o, node, e.ConnectMs); break;
            case "Tr": LogValues.AppendNumber(o, node, e.ResponseMs); break;
            case "Ta": LogValues.AppendNumber(o, node, e.ActiveMs); break;
            case "Tt": LogValues.AppendNumber(o, node, e.TotalMs); break;
            case "Td":
                LogValues.AppendNumber(o, node, e.ResponseMs < 0 || e.ActiveMs < 0 ? -1 : e.ActiveMs - (Math.Max(0, e.RequestMs) + Math.Max(0, e.QueueMs) + Math.Max(0, e.ConnectMs) + e.ResponseMs));
                break;
            case "ST": LogValues.AppendNumber(o, node, e.Status == 0 ? -1 : e.Status); break;
            case "B": LogValues.AppendNumber(o, node, e.BytesRead); break;
            case "U": LogValues.AppendNumber(o, node, e.BytesUploaded); break;
            case "CC":
            case "CS": LogValues.AppendText(o, node, null); break;
            case "ts": o.Append(e.TerminationState, 0, 2); break;
            case "tsc": o.Append(e.TerminationState); break;
            case "ac": LogValues.AppendNumber(o, node, e.ActiveConnections); break;
            case "fc": LogValues.AppendNumber(o, node, e.FrontendConnections); break;
            case "bc": LogValues.AppendNumber(o, node, e.BackendConnections); break;
            case "sc": LogValues.AppendNumber(o, node, e.ServerConnections); break;
            case "rc":
                if (e.Redispatched)
                {
                    o.Append('+');
                }

                LogValues.AppendNumber(o, node, e.Retries);
                break;
            case "sq": LogValues.AppendNumber(o, node, e.ServerQueue); break;
            case "bq": LogValues.AppendNumber(o, node, e.BackendQueue); break;
            case "hr": return LogValues.AppendCaptures(o, node, e.RequestCaptures);
            case "hs": return LogValues.AppendCaptures(o, node, e.ResponseCaptures);
            case "hrl": return LogValues.AppendCaptureList(o, node, e.RequestCaptures);
            case "hsl": return LogValues.AppendCaptureList(o, node, e.ResponseCaptures);
            case "r": AppendRequestLine(o, node, e); break;
            case "HM": LogValues.AppendText(o, node, e.Method); break;
            case "HU": LogValues.AppendText(o, node, e.Uri); break;
            case "HP": LogValues.AppendText(o, node, LogValues.PathOf(e.Uri)); break;
            case "HQ": LogValues.AppendText(o, node, LogValues.QueryOf(e.Uri)); break;
            case "HV": LogValues.AppendText(o, node, e.Version); break;
            case "ID": LogValues.AppendText(o, node, e.UniqueId); break;
            case "pid": LogValues.AppendNumber(o, node, identity.ProcessId); break;
            case "H": LogValues.AppendText(o, node, string.IsNullOrEmpty(identity.Hostname) ? identity.MachineName : identity.Hostname); break;
            case "rt": LogValues.AppendNumber(o, node, e.RequestCounter); break;
            case "lc": LogValues.AppendNumber(o, node, e.LogCounter); break;
            case "sslv": LogValues.AppendText(o, node, e.TlsVersion); break;
            case "sslc": LogValues.AppendText(o, node, e.TlsCipher); break;
            default: break;
        }

        return true;
    }

    // %r without building the string: "METHOD URI VERSION", `<BADREQ>` for a refused head, `-` when no request line was read.
    private static void AppendRequestLine(StringBuilder o, LogNode node, AccessLogEntry e)
    {
        if (e.IsBadRequest)
        {
            LogValues.AppendText(o, node, "<BADREQ>");
            return;
        }

        if (e.Method.Length == 0 || node.Escape)
        {
            LogValues.AppendText(o, node, e.Method.Length == 0 ? null : $"{e.Method} {e.Uri} {e.Version}");
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
}
