namespace Proxy.Http.Conditions;

/// <summary>
/// `-m dir` and `-m dom`: a pattern occurs in the sample between delimiters or the sample's ends. The delimiters
/// come from haproxy 2.6 src/pattern.c `match_word` callers: dir uses '/' and '?', dom '/', '?', '.' and ':';
/// delimiters at the pattern's own ends are ignored.
/// </summary>
internal sealed class WordMatch : IStringMatch
{
    private readonly string[] _patterns;
    private readonly string _delimiters;
    private readonly StringComparison _comparison;

    private WordMatch(string[] patterns, string delimiters, StringComparison comparison)
    {
        _delimiters = delimiters;
        _comparison = comparison;
        _patterns = [.. patterns.Select(p => p.AsSpan().Trim(delimiters).ToString())];
    }

    public static WordMatch Directory(string[] patterns, StringComparison comparison) => new(patterns, "/?", comparison);

    public static WordMatch Domain(string[] patterns, StringComparison comparison) => new(patterns, "/?.:", comparison);

    public bool Matches(ReadOnlySpan<char> sample)
    {
        foreach (var pattern in _patterns)
        {
            if (Occurs(sample, pattern))
            {
                return true;
            }
        }

        return false;
    }

    private bool Occurs(ReadOnlySpan<char> sample, string pattern)
    {
        if (pattern.Length > sample.Length)
        {
            return false;
        }

        var mayMatch = true;
        var last = sample.Length - pattern.Length;
        for (var i = 0; i <= last; i++)
        {
            if (_delimiters.Contains(sample[i], StringComparison.Ordinal))
            {
                mayMatch = true;
                continue;
            }

            if (!mayMatch)
            {
                continue;
            }

            if (sample.Slice(i, pattern.Length).Equals(pattern, _comparison)
                && (i == last || _delimiters.Contains(sample[i + pattern.Length], StringComparison.Ordinal)))
            {
                return true;
            }

            mayMatch = false;
        }

        return false;
    }
}
