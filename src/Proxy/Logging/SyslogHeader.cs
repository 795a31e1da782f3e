using System.Globalization;
using System.Text;

namespace Proxy.Logging;

/// <summary>
/// Writes the syslog header of one line for a target's format (haproxy 2.6 src/log.c build_log_header): the
/// default is RFC 3164 without hostname, `Mmm dd` with a space-padded day, in local time.
/// </summary>
internal static class SyslogHeader
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Appends the header for one message to <paramref name="output"/>.</summary>
    /// <param name="output">Where the header goes.</param>
    /// <param name="format">The target's format.</param>
    /// <param name="facility">The facility number.</param>
    /// <param name="level">The severity number.</param>
    /// <param name="now">The local time of the message.</param>
    /// <param name="hostname">`log-send-hostname`'s name, or null when unset.</param>
    /// <param name="machineName">The host name rfc3164 sends when log-send-hostname is unset.</param>
    /// <param name="tag">`log-tag`, or the program name.</param>
    /// <param name="pid">The process id.</param>
    public static void Append(StringBuilder output, SyslogFormat format, int facility, int level, DateTimeOffset now, string? hostname, string machineName, string tag, int pid)
    {
        if (format == SyslogFormat.Unspecified)
        {
            format = hostname is null ? SyslogFormat.Local : SyslogFormat.Rfc3164;
        }

        var priority = (facility * 8) + level;
        switch (format)
        {
            case SyslogFormat.Local:
            case SyslogFormat.Rfc3164:
                output.Append('<').Append(priority).Append('>').Append(Months[now.Month - 1]).Append(' ');
                if (now.Day < 10)
                {
                    output.Append(' ');
                }

                output.Append(now.Day);
                AppendTime(output.Append(' '), now).Append(' ');
                if (format == SyslogFormat.Rfc3164)
                {
                    output.Append(string.IsNullOrEmpty(hostname) ? machineName : hostname).Append(' ');
                }

                output.Append(tag).Append('[').Append(pid).Append("]: ");
                break;
            case SyslogFormat.Rfc5424:
                output.Append('<').Append(priority).Append(">1 ");
                AppendIso(output, now);
                output.Append(' ').Append(hostname is null ? "-" : hostname.Length == 0 ? machineName : hostname)
                    .Append(' ').Append(tag).Append(' ').Append(pid).Append(" - - ");
                break;
            case SyslogFormat.Priority:
                output.Append('<').Append(priority).Append('>');
                break;
            case SyslogFormat.Short:
                output.Append('<').Append(level).Append('>');
                break;
            case SyslogFormat.Timed:
                output.Append('<').Append(level).Append('>');
                AppendIso(output, now);
                output.Append(' ');
                break;
            case SyslogFormat.Iso:
                AppendIso(output, now);
                output.Append(' ');
                break;
            default:
                break;
        }
    }

    /// <summary>The format named in a `log … format F` line.</summary>
    public static SyslogFormat Parse(string? name) => name switch
    {
        "local" => SyslogFormat.Local,
        "rfc3164" => SyslogFormat.Rfc3164,
        "rfc5424" => SyslogFormat.Rfc5424,
        "priority" => SyslogFormat.Priority,
        "short" => SyslogFormat.Short,
        "timed" => SyslogFormat.Timed,
        "iso" => SyslogFormat.Iso,
        "raw" => SyslogFormat.Raw,
        _ => SyslogFormat.Unspecified,
    };

    /// <summary>Appends "hh:mm:ss" without allocating.</summary>
    public static StringBuilder AppendTime(StringBuilder output, DateTimeOffset time)
        => Two(Two(Two(output, time.Hour).Append(':'), time.Minute).Append(':'), time.Second);

    private static StringBuilder Two(StringBuilder output, int value) => output.Append((char)('0' + (value / 10))).Append((char)('0' + (value % 10)));

    // haproxy 2.6: microseconds and a colon in the offset, "2026-11-22T05:25:07.319572+00:00".
    private static void AppendIso(StringBuilder output, DateTimeOffset now)
        => output.Append(now.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture));
}
