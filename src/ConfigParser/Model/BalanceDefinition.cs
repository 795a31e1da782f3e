using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>A `balance` line: the algorithm keyword as HAProxy spells it, and its arguments.</summary>
public sealed record BalanceDefinition(SourceLocation? Location, string Algorithm, IReadOnlyList<string> Arguments)
{
    /// <summary>haproxy 2.6 falls back to roundrobin when no `balance` is given (3.3 changed that to random).</summary>
    public static BalanceDefinition Default { get; } = new(null, BalanceAlgorithms.RoundRobin, []);
}
