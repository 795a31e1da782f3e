namespace ConfigParser.Model;

/// <summary>`balance` keywords, spelled as HAProxy 2.6 spells them.</summary>
public static class BalanceAlgorithms
{
    /// <summary>Weighted round robin, dynamic weights.</summary>
    public const string RoundRobin = "roundrobin";

    /// <summary>The keywords this build accepts.</summary>
    public static IReadOnlySet<string> Implemented { get; } = new HashSet<string>(StringComparer.Ordinal) { RoundRobin };
}
