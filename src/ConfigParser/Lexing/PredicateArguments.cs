using System.Text;

namespace ConfigParser.Lexing;

/// <summary>
/// The string arguments of a condition predicate, split as haproxy 2.6's make_arg_list (src/arg.c) splits them:
/// "(a,b)" with ',' and ')' protected by quotes, and \\ \' \" \space \r \n \t escapes. Without a '(' the predicate
/// gets one empty argument. Error texts are HAProxy's, checked with `haproxy -c`.
/// </summary>
/// <param name="Values">The arguments found.</param>
/// <param name="Error">What went wrong, or null.</param>
/// <param name="ErrorArgument">The argument number HAProxy names in the error ("in argument N").</param>
/// <param name="End">Index of the first character after the list (on error: where HAProxy points).</param>
internal sealed record PredicateArguments(IReadOnlyList<string> Values, string? Error, int ErrorArgument, int End)
{
    /// <summary>Reads exactly <paramref name="count"/> string arguments starting at <paramref name="start"/>.</summary>
    public static PredicateArguments Parse(string text, int start, int count)
    {
        var values = new List<string>();
        var at = start;
        var hasList = at < text.Length && text[at] == '(';
        if (hasList)
        {
            at++;
        }

        var value = new StringBuilder();
        while (values.Count < count)
        {
            value.Clear();
            var singleQuoted = false;
            var doubleQuoted = false;
            while (hasList && at < text.Length)
            {
                var c = text[at];
                if (c == '"' && !singleQuoted)
                {
                    doubleQuoted = !doubleQuoted;
                    at++;
                }
                else if (c == '\'' && !doubleQuoted)
                {
                    singleQuoted = !singleQuoted;
                    at++;
                }
                else if (c == '\\' && !singleQuoted)
                {
                    if (at + 1 >= text.Length)
                    {
                        return new(values, $"failed to parse '{text[at..]}' after '{value}' as type 'string' at position {values.Count + 1}",
                            values.Count, at);
                    }

                    at = Unescape(text, at, value);
                }
                else if (!singleQuoted && !doubleQuoted && c is ',' or ')')
                {
                    break;
                }
                else
                {
                    value.Append(c);
                    at++;
                }
            }

            values.Add(value.ToString());
            if (!hasList || at >= text.Length || text[at] == ')' || values.Count >= count)
            {
                break;
            }

            at++;
        }

        if (values.Count < count)
        {
            return new(values, $"missing arguments (got {values.Count}/{count}), type 'string' expected", values.Count, at);
        }

        if (!hasList)
        {
            return new(values, null, values.Count, at);
        }

        if (at < text.Length && text[at] == ')')
        {
            return new(values, null, values.Count, at + 1);
        }

        // HAProxy counts the argument that the missing ')' made it start, and takes one off for the report.
        var rest = text[at..];
        var error = rest.Length > 0 ? $"expected ')' before '{rest}'" : "expected ')'";
        return new(values, error, values.Count > 1 ? values.Count - 1 : values.Count, at);
    }

    // The character after a backslash: \\ \' \" and \space stand for themselves, \r \n \t for control characters;
    // any other backslash is kept and the next character read normally.
    private static int Unescape(string text, int at, StringBuilder value)
    {
        switch (text[at + 1])
        {
            case '\\' or ' ' or '"' or '\'':
                value.Append(text[at + 1]);
                return at + 2;
            case 'r':
                value.Append('\r');
                return at + 2;
            case 'n':
                value.Append('\n');
                return at + 2;
            case 't':
                value.Append('\t');
                return at + 2;
            default:
                value.Append('\\');
                return at + 1;
        }
    }
}
