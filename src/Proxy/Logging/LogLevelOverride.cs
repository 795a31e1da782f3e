namespace Proxy.Logging;

/// <summary>
/// The level `set-log-level` chose for the request's traffic log line (a request feature): a syslog level, or
/// silent (no line). One shared instance per level.
/// </summary>
internal sealed class LogLevelOverride
{
    private static readonly LogLevelOverride[] Levels = [.. Enumerable.Range(0, 8).Select(l => new LogLevelOverride(l))];

    private LogLevelOverride(int? level) => Level = level;

    /// <summary>`set-log-level silent`.</summary>
    public static LogLevelOverride Silent { get; } = new(null);

    /// <summary>The syslog level (0 emerg … 7 debug); null when the line is not sent.</summary>
    public int? Level { get; }

    /// <summary>The shared instance for <paramref name="level"/> (null: silent).</summary>
    public static LogLevelOverride For(int? level) => level is { } l ? Levels[l] : Silent;
}
