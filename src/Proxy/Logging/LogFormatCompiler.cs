namespace Proxy.Logging;

/// <summary>
/// Turns a log-format string into <see cref="LogNode"/>s once, at configuration time (haproxy 2.6 src/log.c
/// parse_logformat_string): `%%` is a literal percent, `%{+Q,-Q,+X,+E}` flags precede a variable, `%o` makes the
/// flags stick for every later variable, `%[…]` is a sample expression, spaces are separators.
/// </summary>
internal static class LogFormatCompiler
{
    /// <summary>The variable names of haproxy 2.6's table (§8.2.6).</summary>
    private static readonly HashSet<string> Variables = new(StringComparer.Ordinal)
    {
        "o", "B", "CC", "CS", "H", "HM", "HP", "HQ", "HU", "HV", "ID", "ST", "T", "Ta", "Tc", "Td", "Th", "Ti", "Tl", "TR",
        "Tr", "Tq", "Ts", "Tt", "Tw", "U", "ac", "b", "bc", "bi", "bp", "bq", "ci", "cp", "f", "fc", "fi", "fp", "ft", "hr",
        "hrl", "hs", "hsl", "lc", "ms", "pid", "r", "rc", "rt", "s", "sc", "si", "sp", "sq", "sslc", "sslv", "t", "tr", "trg",
        "trl", "ts", "tsc",
    };

    /// <summary>Compiles <paramref name="format"/>; on failure returns null and the message haproxy prints after "failed to parse log-format : ".</summary>
    public static LogNode[]? Compile(string format, out string? error)
    {
        var nodes = new List<LogNode>();
        var literal = new System.Text.StringBuilder();
        bool stickyQuote = false, stickyHex = false, stickyEscape = false;
        var i = 0;
        while (i < format.Length)
        {
            var ch = format[i];
            if (ch == ' ')
            {
                Flush(literal, nodes);
                while (i < format.Length && format[i] == ' ')
                {
                    i++;
                }

                nodes.Add(new LogNode(LogNodeKind.Separator, " "));
                continue;
            }

            if (ch != '%')
            {
                literal.Append(ch);
                i++;
                continue;
            }

            if (i + 1 < format.Length && format[i + 1] == '%')
            {
                literal.Append('%');
                i += 2;
                continue;
            }

            Flush(literal, nodes);
            i++;
            bool quote = stickyQuote, hex = stickyHex, escape = stickyEscape;
            if (i < format.Length && format[i] == '{')
            {
                var close = format.IndexOf('}', i);
                if (close < 0)
                {
                    error = $"truncated line after '{format[(i + 1)..]}'";
                    return null;
                }

                foreach (var flag in format[(i + 1)..close].Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).SelectMany(SplitFlags))
                {
                    switch (flag)
                    {
                        case "+Q": quote = true; break;
                        case "-Q": quote = false; break;
                        case "+X": hex = true; break;
                        case "-X": hex = false; break;
                        case "+E": escape = true; break;
                        case "-E": escape = false; break;
                        default:
                            error = $"unknown flag '{flag}'";
                            return null;
                    }
                }

                i = close + 1;
            }

            if (i < format.Length && format[i] == '[')
            {
                var close = format.IndexOf(']', i);
                if (close < 0)
                {
                    error = $"missing ']' after sample expression '{format[(i + 1)..]}'";
                    return null;
                }

                var expression = format[(i + 1)..close];
                if (LogSample.TryCompile(expression, out var sampleError) is not { } sample)
                {
                    error = $"failed to parse sample expression <{format[(i + 1)..]}> : {sampleError}.";
                    return null;
                }

                nodes.Add(new LogNode(LogNodeKind.Sample, expression, quote, hex, escape, sample));
                i = close + 1;
                continue;
            }

            var nameStart = i;
            while (i < format.Length && char.IsAsciiLetter(format[i]))
            {
                i++;
            }

            var name = format[nameStart..i];
            if (!Variables.Contains(name))
            {
                error = $"no such format variable '{name}'. If you wanted to emit the '%' character verbatim, you need to use '%%'.";
                return null;
            }

            if (name == "o")
            {
                (stickyQuote, stickyHex, stickyEscape) = (quote, hex, escape);
                continue;
            }

            nodes.Add(new LogNode(LogNodeKind.Variable, name, quote, hex, escape));
        }

        Flush(literal, nodes);
        error = null;
        return [.. nodes];
    }

    // "+Q+X" is two flags.
    private static IEnumerable<string> SplitFlags(string flags)
    {
        for (var i = 0; i + 1 < flags.Length; i += 2)
        {
            yield return flags.Substring(i, 2);
        }
    }

    private static void Flush(System.Text.StringBuilder literal, List<LogNode> nodes)
    {
        if (literal.Length > 0)
        {
            nodes.Add(new LogNode(LogNodeKind.Literal, literal.ToString()));
            literal.Clear();
        }
    }
}
