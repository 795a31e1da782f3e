namespace Proxy.Http.Conditions;

/// <summary>`-m end`: the sample ends with a pattern.</summary>
internal sealed class SuffixMatch(string[] patterns, StringComparison comparison) : IStringMatch
{
    public bool Matches(ReadOnlySpan<char> sample)
    {
        foreach (var pattern in patterns)
        {
            if (sample.EndsWith(pattern, comparison))
            {
                return true;
            }
        }

        return false;
    }
}
