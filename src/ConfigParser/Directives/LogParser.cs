using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Model;

namespace ConfigParser.Directives;

/// <summary>`log …` lines of global and proxy sections → <see cref="LogTarget"/> (haproxy 2.6 src/log.c parse_logsrv).</summary>
internal static class LogParser
{
    private static readonly HashSet<string> Facilities = new(StringComparer.Ordinal)
    {
        "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "auth2", "ftp", "ntp", "audit",
        "alert", "cron2", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
    };

    private static readonly HashSet<string> Levels = new(StringComparer.Ordinal)
    {
        "emerg", "alert", "crit", "err", "warning", "notice", "info", "debug",
    };

    private static readonly HashSet<string> Formats = new(StringComparer.Ordinal)
    {
        "local", "rfc3164", "rfc5424", "priority", "short", "timed", "iso", "raw",
    };

    /// <summary>Parses a `log` line (its `no` prefix already handled by the caller); returns null after an alert.</summary>
    public static LogTarget? Parse(ConfigLine line, DiagnosticBag diagnostics, Func<string, bool> resolvesHost)
    {
        if (line[1] == "global" && line.Count == 2)
        {
            return new LogTarget(line.Location, true, "", "");
        }

        if (line.Count < 3)
        {
            return Fail(line, "log : expects <address> and <facility> or global as arguments", diagnostics);
        }

        if (InvalidAddress(line[1], resolvesHost) is { } host)
        {
            return Fail(line, $"log : invalid address: '{host}' in '{line[1]}'", diagnostics);
        }

        var target = new LogTarget(line.Location, false, line[1], "");
        var i = 2;
        for (; ; i += 2)
        {
            if (line[i] == "len")
            {
                var length = CStyleInteger.Atoi(line[i + 1]);
                if (length is < 80 or > 65535)
                {
                    return Fail(line, $"log : invalid log length '{line[i + 1]}', must be between 80 and 65535", diagnostics);
                }

                target = target with { Length = length };
            }
            else if (line[i] == "format")
            {
                if (!Formats.Contains(line[i + 1]))
                {
                    return Fail(line, $"log : unknown log format '{line[i + 1]}'", diagnostics);
                }

                target = target with { Format = line[i + 1] };
            }
            else if (line[i] == "sample")
            {
                target = target with { Sample = line[i + 1] };
            }
            else
            {
                break;
            }
        }

        if (!Facilities.Contains(line[i]))
        {
            return Fail(line, $"log : unknown log facility '{line[i]}'", diagnostics);
        }

        target = target with { Facility = line[i] };
        if (line[i + 1].Length > 0)
        {
            if (!Levels.Contains(line[i + 1]))
            {
                return Fail(line, $"log : unknown optional log level '{line[i + 1]}'", diagnostics);
            }

            target = target with { Level = line[i + 1] };
        }

        if (line[i + 2].Length > 0)
        {
            if (!Levels.Contains(line[i + 2]))
            {
                return Fail(line, $"log : unknown optional minimum log level '{line[i + 2]}'", diagnostics);
            }

            target = target with { MinLevel = line[i + 2] };
        }

        if (line[i + 3].Length > 0)
        {
            return Fail(line, $"log : cannot handle unexpected argument '{line[i + 3]}'", diagnostics);
        }

        return target;
    }

    // A network target's host must resolve now (haproxy 2.6 str2sa_range); paths, stdout/stderr and "proto@" forms
    // are taken as written. Returns the host that does not resolve, or null.
    private static string? InvalidAddress(string target, Func<string, bool> resolvesHost)
    {
        if (target.StartsWith('/') || target is "stdout" or "stderr" || target.Contains('@', StringComparison.Ordinal))
        {
            return null;
        }

        var (host, _) = AddressParser.Split(target);
        var unbracketed = AddressParser.Unbracket(host);
        return resolvesHost(unbracketed) ? null : unbracketed;
    }

    private static LogTarget? Fail(ConfigLine line, string message, DiagnosticBag diagnostics)
    {
        diagnostics.Alert(line.Location, message, "log");
        return null;
    }
}
