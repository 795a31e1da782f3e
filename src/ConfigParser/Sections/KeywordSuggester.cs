namespace ConfigParser.Sections;

/// <summary>
/// "did you mean 'balance' maybe ?": picks the known keyword closest to a misspelt one, with HAProxy 2.6's
/// algorithm (src/tools.c make_word_fingerprint, word_fingerprint_distance; src/cfgparse.c cfg_find_best_match).
/// A word's fingerprint records which character classes it contains and counts its transitions between classes
/// (letters a–z, "any digit", "anything else" which also marks the start and the end), so swapped, doubled and
/// dropped letters stay close. The suggestion is dropped when the distance exceeds twice either word's length.
/// </summary>
internal static class KeywordSuggester
{
    private const int Classes = 32;
    private const int Other = 28;

    /// <summary>The closest keyword, or null when none is close enough (the first one wins a tie).</summary>
    public static string? Suggest(string word, IEnumerable<string> keywords)
    {
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

        return best is null || bestDistance > 2 * Length(word) || bestDistance > 2 * Length(best) ? null : best;
    }

    private static int[] Fingerprint(string word)
    {
        var print = new int[Classes * Classes];
        var from = Other;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(word))
        {
            var to = ClassOf(b);
            print[to] = 1;
            print[(Classes * from) + to]++;
            from = to;
        }

        print[(Classes * from) + Other]++;
        return print;
    }

    // 1..26 for letters (either case), 27 for digits, 28 for anything else.
    private static int ClassOf(byte b) => b switch
    {
        >= (byte)'a' and <= (byte)'z' => b - 'a' + 1,
        >= (byte)'A' and <= (byte)'Z' => b - 'A' + 1,
        >= (byte)'0' and <= (byte)'9' => 27,
        _ => Other,
    };

    private static int Distance(int[] a, int[] b)
    {
        var distance = 0;
        for (var i = 0; i < a.Length; i++)
        {
            distance += Math.Abs(a[i] - b[i]);
        }

        return distance;
    }

    // strlen(): HAProxy compares with the length in bytes.
    private static int Length(string word) => System.Text.Encoding.UTF8.GetByteCount(word);
}
