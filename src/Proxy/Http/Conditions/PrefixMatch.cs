namespace Proxy.Http.Conditions;

/// <summary>`-m beg`: the sample starts with a pattern.</summary>
internal sealed class PrefixMatch(string[] patterns, StringComparison comparison) : IStringMatch
{
    public bool Matches(ReadOnlySpan<char> sample)
    {
        foreach (var pattern in patterns)
        {
            if (sample.StartsWith(pattern, comparison))
            {
                return true;
            }
        }

        return false;
    }
}
