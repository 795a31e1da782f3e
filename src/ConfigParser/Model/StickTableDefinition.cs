using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`stick-table type T [len N] size S [expire E] [nopurge] [peers P] [store D,…]` (haproxy 2.6 §4.2 `stick-table`).</summary>
/// <param name="Location">Where it was declared.</param>
/// <param name="Type">ip, ipv6, integer, string or binary.</param>
/// <param name="Size">The number of entries (k, m, g suffixes applied).</param>
public sealed record StickTableDefinition(SourceLocation Location, string Type, long Size)
{
    /// <summary>`len N` for string and binary keys.</summary>
    public int? KeyLength { get; init; }

    /// <summary>`expire`: how long an unused entry is kept.</summary>
    public TimeSpan? Expire { get; init; }

    /// <summary>`nopurge`.</summary>
    public bool NoPurge { get; init; }

    /// <summary>`peers NAME`.</summary>
    public string? Peers { get; init; }

    /// <summary>The data types stored, from every `store` argument, in order.</summary>
    public IReadOnlyList<string> Store { get; init; } = [];
}
