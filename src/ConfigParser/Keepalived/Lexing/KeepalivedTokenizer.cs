namespace ConfigParser.Keepalived.Lexing;

/// <summary>
/// Splits one expanded line into words as keepalived 2.2.7 does (observed with `keepalived -t`): `#` and `!`
/// start a comment anywhere outside double quotes (`bogus3#x` reads as `bogus3`); a double quote ends the word
/// before it and starts a quoted word that keeps its spaces and may contain `\"` (`bog"us1 a` reads as `bog`,
/// then an unterminated quote that swallows the rest of the line); `{` / `}` outside quotes are words of their
/// own (`V{`); single quotes are ordinary characters.
/// </summary>
internal static class KeepalivedTokenizer
{
    /// <summary>The words of <paramref name="text"/>; empty for a blank or comment-only line.</summary>
    public static List<string> Split(string text) => Tokenize(text).Words;

    /// <summary>The words, and whether a quoted word ran to the end of the line.</summary>
    public static (List<string> Words, bool Unterminated) Tokenize(string text)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '#' || c == '!')
            {
                break;
            }

            if (c == '"')
            {
                Flush();
                var end = i + 1;
                while (end < text.Length && text[end] != '"')
                {
                    if (text[end] == '\\' && end + 1 < text.Length && text[end + 1] == '"')
                    {
                        end++;
                    }

                    current.Append(text[end]);
                    end++;
                }

                if (end >= text.Length)
                {
                    // Observed: the unterminated quoted word and everything after it are dropped.
                    current.Clear();
                    return (words, true);
                }

                words.Add(current.ToString());
                current.Clear();
                i = end + 1;
                continue;
            }

            if (c == '{' || c == '}')
            {
                Flush();
                words.Add(c.ToString());
            }
            else if (char.IsWhiteSpace(c))
            {
                Flush();
            }
            else
            {
                current.Append(c);
            }

            i++;
        }

        Flush();
        return (words, false);

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    /// <summary>True when the part of the line before any comment has an odd number of `"` ("Unmatched quote").</summary>
    public static bool HasUnmatchedQuote(string text)
    {
        var count = 0;
        var inQuote = false;
        foreach (var c in text)
        {
            if (!inQuote && (c == '#' || c == '!'))
            {
                break;
            }

            if (c == '"')
            {
                count++;
                inQuote = !inQuote;
            }
        }

        return count % 2 == 1;
    }
}
