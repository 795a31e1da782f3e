using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>
/// `http-request|http-response set-log-level &lt;level&gt;|silent`: the request's traffic log line goes at that
/// syslog level (0 emerg … 7 debug), or is not sent at all when <see cref="Level"/> is null (silent).
/// </summary>
public sealed record HttpSetLogLevelRule(SourceLocation Location, int? Level) : HttpRequestRule(Location)
{
    /// <summary>The syslog level names in severity order (RFC 5424 §6.2.1), as haproxy 2.6 spells them.</summary>
    public static IReadOnlyList<string> LevelNames { get; } = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];

    /// <inheritdoc />
    public override bool IsFinal => false;
}
