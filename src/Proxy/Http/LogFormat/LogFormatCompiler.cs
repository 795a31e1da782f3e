using System.Net;

namespace Proxy.Http.LogFormat;

/// <summary>
/// Compiles log-format strings (haproxy 2.6 configuration.txt §8.2.4) once, when the runtime is built. Items this proxy
/// cannot evaluate are refused with their name, so a configuration never silently produces a wrong value.
/// </summary>
internal static class LogFormatCompiler
{
    /// <summary>
    /// The `%xx` variables HAProxy 2.6 knows (src/log.c logformat_keywords), longest first so "%HM" is not read as "%H".
    /// Only the connection ones and %H are evaluated here; the logging work extends this table.
    /// </summary>
    private static readonly string[] KnownVariables = [.. new[]
    {
        "o", "B", "CC", "CS", "H", "HM", "HP", "HPO", "HQ", "HU", "HV", "ID", "ST", "T", "Ta", "Tc", "Th", "Ti", "Tl", "Tq", "Tr", "Ts", "Tt",
        "Tu", "Tw", "U", "ac", "b", "bc", "bi", "bp", "bq", "ci", "cp", "f", "fc", "fi", "fp", "ft", "hr", "hrl", "hs", "hsl", "lc", "ms", "pid",
        "rc", "rt", "s", "sc", "si", "sp", "sq", "sslc", "sslv", "t", "tr", "trg", "trl", "ts", "tsc",
    }.OrderByDescending(v => v.Length)];

    /// <summary>The compiled expression, or null with <paramref name="unsupported"/> naming the first item this proxy does not evaluate.</summary>
    /// <param name="format">The log-format string as written.</param>
    /// <param name="unsupported">What cannot be evaluated, when null is returned.</param>
    /// <param name="response">True in an `http-response` rule (see <see cref="SampleExpressionCompiler.Compile"/>).</param>
    public static LogFormatExpression? Compile(string format, out string? unsupported, bool response = false)
    {
        unsupported = null;
        var items = new List<ILogFormatItem>();
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c != '%' || i + 1 >= format.Length)
            {
                literal.Append(c);
                continue;
            }

            var next = format[i + 1];
            if (next == '%')
            {
                literal.Append('%');
                i++;
                continue;
            }

            ILogFormatItem? item;
            if (next == '[')
            {
                var end = ClosingBracket(format, i + 2);
                if (end < 0)
                {
                    unsupported = $"log-format '{format}' (missing ']')";
                    return null;
                }

                var expression = format[(i + 2)..end];
                if (SampleExpressionCompiler.Compile(expression, out unsupported, response) is not { } sample)
                {
                    unsupported = $"{unsupported} in log-format '%[{expression}]'";
                    return null;
                }

                item = new SampleItem(sample);
                i = end;
            }
            else if (next == '{')
            {
                var end = format.IndexOf('}', i + 2);
                unsupported = $"log-format options '{(end < 0 ? format[i..] : format[i..(end + 1)])}'";
                return null;
            }
            else
            {
                var name = KnownVariables.FirstOrDefault(v => string.CompareOrdinal(format, i + 1, v, 0, v.Length) == 0);
                if (name is null || Variable(name) is not { } variable)
                {
                    unsupported = $"log-format variable '%{name ?? format[(i + 1)..]}'";
                    return null;
                }

                item = variable;
                i += name.Length;
            }

            if (literal.Length > 0)
            {
                items.Add(new LiteralItem(literal.ToString()));
                literal.Clear();
            }

            items.Add(item);
        }

        if (literal.Length > 0)
        {
            items.Add(new LiteralItem(literal.ToString()));
        }

        return new LogFormatExpression(items);
    }

    private static ILogFormatItem? Variable(string name) => name switch
    {
        "ci" => new SampleItem(SampleFetches.Create("src", [])!),
        "cp" => new SampleItem(SampleFetches.Create("src_port", [])!),
        "fi" => new SampleItem(SampleFetches.Create("dst", [])!),
        "fp" => new SampleItem(SampleFetches.Create("dst_port", [])!),
        "H" => new LiteralItem(Dns.GetHostName()),
        _ => null,
    };

    // The ']' that closes "%[", skipping brackets inside converter arguments.
    private static int ClosingBracket(string format, int start)
    {
        var depth = 0;
        for (var i = start; i < format.Length; i++)
        {
            switch (format[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ']' when depth <= 0:
                    return i;
            }
        }

        return -1;
    }
}
