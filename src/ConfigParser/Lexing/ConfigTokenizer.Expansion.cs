namespace ConfigParser.Lexing;

/// <summary>Environment variables inside double quotes (haproxy 2.6 configuration.txt §2.3, src/tools.c parse_line).</summary>
internal static partial class ConfigTokenizer
{
    // $NAME, ${NAME}, ${NAME-default} and ${NAME[*]} inside double quotes (haproxy 2.6 §2.3). An unset variable
    // expands to nothing. On error, i is left on the character HAProxy blames.
    private static Expansion Expand(string line, ref int i, Func<string, string?> environment, PseudoVariables pseudo)
    {
        i++;
        var brace = -1;
        if (i < line.Length && line[i] == '{')
        {
            brace = i++;
        }

        if (i >= line.Length || !(char.IsAsciiLetter(line[i]) || line[i] is '_' or '.'))
        {
            return Expansion.Failure("forbidden first char in environment variable name");
        }

        var nameStart = i;
        if (line[i] == '.')
        {
            i++;
        }

        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] == '_'))
        {
            i++;
        }

        var name = line[nameStart..i];
        string? value;
        if (name[0] == '.')
        {
            // haproxy 2.6 knows only .FILE, .LINE and .SECTION (checked with `haproxy -c`): any other name after
            // the dot is refused at the dot, and the echo of the line stops where the name ends.
            if (!pseudo.TryGet(name, out value))
            {
                var nameEnd = i;
                i = nameStart;
                return Expansion.Failure("forbidden first char in environment variable name", nameEnd);
            }
        }
        else
        {
            value = environment(name);
        }
        var splitWords = false;
        if (brace >= 0 && i < line.Length && line[i] == '[')
        {
            if (!line.AsSpan(i).StartsWith("[*]"))
            {
                return Expansion.Failure("truncated or invalid word expansion sequence");
            }

            splitWords = true;
            i += 3;
        }

        if (brace < 0)
        {
            return new Expansion(value, splitWords, null, -1);
        }

        var close = line.IndexOf('}', i);
        if (close < 0 || (line[i] != '}' && line[i] != '-'))
        {
            i = brace;
            return Expansion.Failure("unmatched brace in environment variable name");
        }

        // "${NAME-default}": the default is taken as written, only when the variable is unset (not when empty).
        var hasDefault = line[i] == '-';
        value ??= hasDefault ? line[(i + 1)..close] : null;
        i = close + 1;
        return new Expansion(value, splitWords, null, hasDefault ? close : -1);
    }

    /// <summary>
    /// What a "$…" sequence expanded to; <paramref name="DefaultEnd"/> is the '}' of a "${NAME-default}", or on
    /// failure where haproxy's echo of the line stops (-1: where it stopped before).
    /// </summary>
    private sealed record Expansion(string? Value, bool SplitWords, string? Error, int DefaultEnd)
    {
        public static Expansion Failure(string error, int echoEnd = -1) => new(null, false, error, echoEnd);
    }
}
