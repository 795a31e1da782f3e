namespace Proxy.Logging;

/// <summary>Syslog facility and severity numbers by HAProxy's names (RFC 5424 §6.2.1; haproxy 2.6 src/log.c tables).</summary>
internal static class SyslogCodes
{
    private static readonly string[] Facilities =
    [
        "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "auth2", "ftp", "ntp", "audit",
        "alert", "cron2", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
    ];

    private static readonly string[] Levels = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];

    /// <summary>emerg.</summary>
    public const int Emergency = 0;

    /// <summary>alert: a server went DOWN.</summary>
    public const int Alert = 1;

    /// <summary>err: `option log-separate-errors` raises failed requests to it.</summary>
    public const int Error = 3;

    /// <summary>warning.</summary>
    public const int Warning = 4;

    /// <summary>notice: a server came UP.</summary>
    public const int Notice = 5;

    /// <summary>info: traffic logs.</summary>
    public const int Info = 6;

    /// <summary>debug.</summary>
    public const int Debug = 7;

    /// <summary>The facility number of <paramref name="name"/> (the parser accepted only known names).</summary>
    public static int Facility(string name) => Math.Max(0, Array.IndexOf(Facilities, name));

    /// <summary>The severity number of <paramref name="name"/>, or <paramref name="unset"/> when null.</summary>
    public static int Level(string? name, int unset) => name is null ? unset : Math.Max(0, Array.IndexOf(Levels, name));
}
