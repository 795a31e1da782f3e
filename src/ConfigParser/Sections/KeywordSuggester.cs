namespace ConfigParser.Sections;

/// <summary>
/// "did you mean 'balance' maybe ?": picks the known keyword closest to a misspelt one. Like HAProxy 2.6
/// (src/tools.c word fingerprints) it compares the counts of adjacent character pairs, which tolerates
/// swapped and dropped letters, and stays silent when nothing is close.
/// </summary>
internal static class KeywordSuggester
{
    /// <summary>The closest keyword, or null when none is close enough.</summary>
    public static string? Suggest(string word, IEnumerable<string> keywords)
    {
        if (word.Length == 0)
        {
            return null;
        }

        var fingerprint = Fingerprint(word);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in keywords)
        {
            var distance = Distance(fingerprint, Fingerprint(candidate));
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        // Close means fewer differing pairs than the word has letters; 'foo' then suggests nothing.
        return bestDistance < word.Length ? best : null;
    }

    private static Dictionary<(char, char), int> Fingerprint(string word)
    {
        var pairs = new Dictionary<(char, char), int>();
        var previous = '^';
        foreach (var c in word.ToLowerInvariant().Append('$'))
        {
            var key = (previous, c);
            pairs[key] = pairs.GetValueOrDefault(key) + 1;
            previous = c;
        }

        return pairs;
    }

    private static int Distance(Dictionary<(char, char), int> a, Dictionary<(char, char), int> b)
    {
        var distance = 0;
        foreach (var (key, count) in a)
        {
            distance += Math.Abs(count - b.GetValueOrDefault(key));
        }

        foreach (var (key, count) in b)
        {
            if (!a.ContainsKey(key))
            {
                distance += count;
            }
        }

        return distance;
    }
}
