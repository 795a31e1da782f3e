using System.Text;

namespace ConfigParser.Lexing;

/// <summary>
/// Splits one haproxy.cfg line into words the way HAProxy 2.6 does (haproxy 2.6: doc/configuration.txt §2.2,
/// src/tools.c parse_line): blanks separate words, '#' outside quotes starts a comment, backslash escapes,
/// weak "…" quoting (environment variables expanded only there) and strong '…' quoting, concatenated within
/// one word.
/// </summary>
internal static class ConfigTokenizer
{
    /// <summary>HAProxy keeps at most this many words per line (MAX_LINE_ARGS).</summary>
    public const int MaxWords = 64;

    /// <summary>Tokenizes <paramref name="line"/>; never throws for user input.</summary>
    /// <param name="line">The line without its line terminator.</param>
    /// <param name="environment">Looks up an environment variable; null when it is not set.</param>
    public static TokenizeResult Tokenize(string line, Func<string, string?> environment)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var quote = '\0';
        var quoteStart = 0;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (quote == '\'')
            {
                if (c == '\'') { quote = '\0'; } else { word.Append(c); }
                i++;
                continue;
            }

            if (quote == '\0' && (c == ' ' || c == '\t'))
            {
                if (inWord) { words.Add(word.ToString()); word.Clear(); inWord = false; }
                i++;
                continue;
            }

            if (quote == '\0' && c == '#')
            {
                break;
            }

            inWord = true;
            switch (c)
            {
                case '"' when quote == '"':
                    quote = '\0';
                    i++;
                    break;
                case '"' or '\'':
                    quote = c;
                    quoteStart = i;
                    i++;
                    break;
                case '\\':
                    if (!TryEscape(line, ref i, word, quote == '"', out var escapeError))
                    {
                        return TokenizeResult.Failure(escapeError, i);
                    }

                    break;
                case '$' when quote == '"':
                    if (!TryExpand(line, ref i, word, environment, out var envError))
                    {
                        return TokenizeResult.Failure(envError, i);
                    }

                    break;
                default:
                    word.Append(c);
                    i++;
                    break;
            }
        }

        if (quote != '\0')
        {
            return TokenizeResult.Failure($"unmatched quote at position {quoteStart}", quoteStart);
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        if (words.Count > MaxWords)
        {
            return new TokenizeResult([.. words.Take(MaxWords)], $"too many words, truncating after word {MaxWords}", MaxWords);
        }

        return new TokenizeResult([.. words], null, 0);
    }

    // haproxy 2.6 configuration.txt §2.2: \<space> \# \\ \' \" \t \n \r \xHH are escapes; \$ only inside double
    // quotes; any other backslash sequence is kept as it is (regex back-references such as \1 rely on that).
    private static bool TryEscape(string line, ref int i, StringBuilder word, bool inDoubleQuotes, out string error)
    {
        error = "";
        if (i + 1 >= line.Length)
        {
            word.Append('\\');
            i++;
            return true;
        }

        var next = line[i + 1];
        switch (next)
        {
            case ' ' or '#' or '\\' or '\'' or '"':
                word.Append(next);
                i += 2;
                return true;
            case '$' when inDoubleQuotes:
                word.Append('$');
                i += 2;
                return true;
            case 't':
                word.Append('\t');
                i += 2;
                return true;
            case 'n':
                word.Append('\n');
                i += 2;
                return true;
            case 'r':
                word.Append('\r');
                i += 2;
                return true;
            case 'x':
                if (i + 3 < line.Length && IsHex(line[i + 2]) && IsHex(line[i + 3]))
                {
                    word.Append((char)Convert.ToByte(line.Substring(i + 2, 2), 16));
                    i += 4;
                    return true;
                }

                error = $"truncated or invalid hexadecimal sequence at position {i}";
                return false;
            default:
                word.Append('\\').Append(next);
                i += 2;
                return true;
        }
    }

    // $NAME, ${NAME} and ${NAME-default}; an unset variable expands to nothing (haproxy 2.6 §2.3).
    private static bool TryExpand(string line, ref int i, StringBuilder word, Func<string, string?> environment, out string error)
    {
        error = "";
        var start = i + 1;
        if (start < line.Length && line[start] == '{')
        {
            var close = line.IndexOf('}', start);
            if (close < 0)
            {
                error = $"unmatched brace in environment variable name at position {i}";
                return false;
            }

            var body = line.Substring(start + 1, close - start - 1);
            var dash = body.IndexOf('-');
            var name = dash < 0 ? body : body[..dash];
            var value = environment(name) ?? (dash < 0 ? null : body[(dash + 1)..]);
            word.Append(value);
            i = close + 1;
            return true;
        }

        var end = start;
        while (end < line.Length && (char.IsAsciiLetterOrDigit(line[end]) || line[end] == '_') &&
               !(end == start && char.IsAsciiDigit(line[end])))
        {
            end++;
        }

        if (end == start)
        {
            word.Append('$');
            i++;
            return true;
        }

        word.Append(environment(line[start..end]));
        i = end;
        return true;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
