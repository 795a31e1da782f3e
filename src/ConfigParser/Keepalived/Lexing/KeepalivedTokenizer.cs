namespace ConfigParser.Keepalived.Lexing;

/// <summary>
/// Splits one expanded line into words as keepalived 2.2.7 does (observed with `keepalived -t`): `#` and `!`
/// start a comment anywhere outside double quotes (`bogus3#x` reads as `bogus3`), a double-quoted part joins the
/// word it is glued to and keeps its spaces, and `{` / `}` outside quotes are words of their own (`V{`).
/// </summary>
internal static class KeepalivedTokenizer
{
    /// <summary>The words of <paramref name="text"/>; empty for a blank or comment-only line.</summary>
    public static List<string> Split(string text)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        var inWord = false;
        var inQuote = false;
        foreach (var c in text)
        {
            if (inQuote)
            {
                if (c == '"')
                {
                    inQuote = false;
                }
                else
                {
                    current.Append(c);
                }

                continue;
            }

            if (c == '#' || c == '!')
            {
                break;
            }

            if (c == '"')
            {
                inQuote = true;
                inWord = true;
                continue;
            }

            if (c == '{' || c == '}')
            {
                Flush();
                words.Add(c.ToString());
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                Flush();
                continue;
            }

            current.Append(c);
            inWord = true;
        }

        Flush();
        return words;

        void Flush()
        {
            if (inWord)
            {
                words.Add(current.ToString());
                current.Clear();
                inWord = false;
            }
        }
    }
}
