namespace Proxy.Http.Conditions;

/// <summary>`-m str`: the sample equals a pattern (case-insensitively with `-i`).</summary>
internal sealed class ExactMatch(string[] patterns, StringComparison comparison) : IStringMatch
{
    public bool Matches(ReadOnlySpan<char> sample)
    {
        foreach (var pattern in patterns)
        {
            if (sample.Equals(pattern, comparison))
            {
                return true;
            }
        }

        return false;
    }
}
