namespace Proxy.Http.Conditions;

/// <summary>`-m found`: the sample exists; patterns are ignored (haproxy 2.6 §7.1.3).</summary>
internal sealed class FoundMatch : IStringMatch
{
    public static readonly FoundMatch Instance = new();

    private FoundMatch()
    {
    }

    public bool Matches(ReadOnlySpan<char> sample) => true;
}
