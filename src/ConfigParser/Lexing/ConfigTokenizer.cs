using System.Text;

namespace ConfigParser.Lexing;

/// <summary>
/// Splits one haproxy.cfg line into words the way HAProxy 2.6 does (haproxy 2.6: doc/configuration.txt §2.2,
/// src/tools.c parse_line): blanks separate words, '#' outside quotes starts a comment, backslash escapes,
/// weak "…" quoting (environment variables expanded only there) and strong '…' quoting, concatenated within
/// one word. A CR, LF or NUL ends the line wherever it is, even inside quotes.
/// </summary>
internal static partial class ConfigTokenizer
{
    /// <summary>HAProxy keeps at most this many words per line (MAX_LINE_ARGS).</summary>
    public const int MaxWords = 64;

    /// <summary>Tokenizes <paramref name="line"/>; never throws for user input.</summary>
    /// <param name="line">The line without its LF (a trailing CR is allowed: it ends the line).</param>
    /// <param name="environment">Looks up an environment variable; null when it is not set.</param>
    /// <param name="pseudo">The values of ${.FILE}, ${.LINE} and ${.SECTION}; none when omitted.</param>
    public static TokenizeResult Tokenize(string line, Func<string, string?> environment, PseudoVariables? pseudo = null)
    {
        pseudo ??= PseudoVariables.None;
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var quote = '\0';
        var quoteStart = 0;
        var wordStart = 0;
        var tooManyAt = -1;
        var echoEnd = line.Length;
        var i = 0;
        while (i < line.Length && line[i] is not ('\0' or '\n' or '\r'))
        {
            var c = line[i];
            if (quote == '\'')
            {
                // Strong quoting: nothing but the closing quote is special.
                if (c == '\'') { quote = '\0'; } else { word.Append(c); }
                i++;
                continue;
            }

            if (quote == '\0' && IsBlank(c))
            {
                while (i < line.Length && IsBlank(line[i]))
                {
                    i++;
                }

                if (inWord)
                {
                    EndWord();
                }

                wordStart = i;
                continue;
            }

            if (quote == '\0' && c == '#')
            {
                break;
            }

            inWord = true;
            switch (c)
            {
                case '"':
                    quote = quote == '"' ? '\0' : '"';
                    quoteStart = i;
                    i++;
                    break;
                case '\'':
                    // Only reached outside double quotes: inside them a single quote is an ordinary character.
                    if (quote == '"')
                    {
                        word.Append(c);
                    }
                    else
                    {
                        quote = '\'';
                        quoteStart = i;
                    }

                    i++;
                    break;
                case '\\':
                    if (!TryEscape(line, ref i, word, quote == '"'))
                    {
                        return Failure("truncated or invalid hexadecimal sequence", line, i, echoEnd);
                    }

                    break;
                case '$' when quote == '"':
                    var expansion = Expand(line, ref i, environment, pseudo);
                    if (expansion.Error is not null)
                    {
                        return Failure(expansion.Error, line, i, expansion.DefaultEnd >= 0 ? Math.Min(echoEnd, expansion.DefaultEnd) : echoEnd);
                    }

                    if (expansion.DefaultEnd >= 0 && echoEnd == line.Length)
                    {
                        // parse_line writes a NUL over the '}' of "${NAME-default}", so HAProxy's echo of a later
                        // error on this line stops there.
                        echoEnd = expansion.DefaultEnd;
                    }

                    AppendValue(expansion.Value, expansion.SplitWords);
                    break;
                default:
                    word.Append(c);
                    i++;
                    break;
            }
        }

        if (quote != '\0')
        {
            return Failure("unmatched quote", line, quoteStart, echoEnd);
        }

        // haproxy 2.6 parse_line: a trailing empty word (trailing blanks, or "" last) is not an argument.
        if (inWord && word.Length > 0)
        {
            words.Add(word.ToString());
        }

        if (tooManyAt >= 0)
        {
            return new TokenizeResult([.. words.Take(MaxWords).Select(CString)], TooManyWords(words), tooManyAt);
        }

        // parse_line leaves a last, empty word in its buffer after trailing blanks or a final "": HAProxy does not
        // count it as an argument, but ".if" joins every word of the buffer, so it shows in its messages.
        return new TokenizeResult([.. words.Select(CString)], null, 0)
        {
            EndsWithEmptyWord = inWord ? word.Length == 0 : words.Count > 0,
            FirstDefaultEnd = echoEnd < line.Length ? echoEnd : -1,
        };

        void EndWord()
        {
            words.Add(word.ToString());
            word.Clear();
            inWord = false;
            if (words.Count >= MaxWords && tooManyAt < 0)
            {
                // parse_line flags the line as soon as a 65th word would start, even if nothing follows.
                tooManyAt = wordStart;
            }
        }

        // ${NAME[*]} splits the value into several words at each run of spaces (parse_line: each run ends the
        // current word, even an empty one).
        void AppendValue(string? value, bool splitWords)
        {
            var previousWasSpace = false;
            foreach (var ch in value ?? "")
            {
                if (splitWords && (IsBlank(ch) || ch is '\r' or '\n'))
                {
                    if (!previousWasSpace)
                    {
                        EndWord();
                        inWord = true;
                    }

                    previousWasSpace = true;
                    continue;
                }

                previousWasSpace = false;
                word.Append(ch);
            }
        }
    }

    // C's isspace() minus CR and LF, which end the line before they are seen here.
    private static bool IsBlank(char c) => c is ' ' or '\t' or '\v' or '\f';

    // HAProxy words are C strings: a NUL from "\x00" ends the word for every later reader.
    private static string CString(string word)
    {
        var nul = word.IndexOf('\0');
        return nul < 0 ? word : word[..nul];
    }

    // haproxy 2.6 configuration.txt §2.2: \<space> \# \\ \' \" \t \n \r \xHH are escapes; \$ only inside double
    // quotes. Any other backslash is kept as it is and the next character is read normally (\1 stays \1).
    private static bool TryEscape(string line, ref int i, StringBuilder word, bool inDoubleQuotes)
    {
        var next = i + 1 < line.Length ? line[i + 1] : '\0';
        switch (next)
        {
            case ' ' or '\\' or '#' or '\'' or '"':
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
                if (i + 3 < line.Length && char.IsAsciiHexDigit(line[i + 2]) && char.IsAsciiHexDigit(line[i + 3]))
                {
                    word.Append((char)Convert.ToByte(line.Substring(i + 2, 2), 16));
                    i += 4;
                    return true;
                }

                return false;
            default:
                word.Append('\\');
                i++;
                return true;
        }
    }
}
