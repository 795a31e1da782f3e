using System.Text.RegularExpressions;

namespace Proxy.Http.Conditions;

/// <summary>`-m reg`: a pattern, compiled by the parser (with `-i` folded in), matches somewhere in the sample.</summary>
internal sealed class RegexMatch(Regex[] patterns) : IStringMatch
{
    public bool Matches(ReadOnlySpan<char> sample)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.IsMatch(sample))
            {
                return true;
            }
        }

        return false;
    }
}
