namespace Proxy.Http.Conditions;

/// <summary>`-m sub`: the sample contains a pattern.</summary>
internal sealed class SubstringMatch(string[] patterns, StringComparison comparison) : IStringMatch
{
    public bool Matches(ReadOnlySpan<char> sample)
    {
        foreach (var pattern in patterns)
        {
            if (sample.Contains(pattern, comparison))
            {
                return true;
            }
        }

        return false;
    }
}
