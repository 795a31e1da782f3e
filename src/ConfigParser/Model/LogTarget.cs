using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>
/// One `log` line (haproxy 2.6 §4.2 / §3.1 `log`): `log global`, or `log TARGET [len N] [format F] [sample R:S]
/// FACILITY [LEVEL [MINLEVEL]]` where TARGET is an address, a unix socket path, stdout, stderr or ring@NAME.
/// </summary>
/// <param name="Location">Where it was declared.</param>
/// <param name="IsGlobal">True for `log global` (use the global section's log targets).</param>
/// <param name="Target">The target as written; empty for `log global`.</param>
/// <param name="Facility">The syslog facility, e.g. "local0"; empty for `log global`.</param>
public sealed record LogTarget(SourceLocation Location, bool IsGlobal, string Target, string Facility)
{
    /// <summary>`len N`: maximum line length; null when unset.</summary>
    public int? Length { get; init; }

    /// <summary>`format F`: rfc3164, rfc5424, short, raw…; null when unset.</summary>
    public string? Format { get; init; }

    /// <summary>`sample RANGES:SIZE`; null when unset.</summary>
    public string? Sample { get; init; }

    /// <summary>The maximum level sent; null for all.</summary>
    public string? Level { get; init; }

    /// <summary>The minimum level sent; null for none.</summary>
    public string? MinLevel { get; init; }
}
