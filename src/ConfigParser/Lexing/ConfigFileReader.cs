using System.Text;
using ConfigParser.Diagnostics;

namespace ConfigParser.Lexing;

/// <summary>Turns one file's text into statements, reporting line-level problems with file:line.</summary>
internal static class ConfigFileReader
{
    /// <summary>Reads <paramref name="text"/> (named <paramref name="file"/> in diagnostics) into lines.</summary>
    public static IReadOnlyList<ConfigLine> Read(string file, string text, Func<string, string?> environment, DiagnosticBag diagnostics)
    {
        var lines = new List<ConfigLine>();
        var lineNumber = 0;
        var position = 0;
        while (position < text.Length)
        {
            lineNumber++;
            var lf = text.IndexOf('\n', position);
            var end = lf < 0 ? text.Length : lf;
            var raw = text[position..end];
            if (raw.EndsWith('\r'))
            {
                raw = raw[..^1];
            }

            if (lf < 0)
            {
                // haproxy 2.6 src/cfgparse.c readcfgfile: a last line without LF means a truncated file.
                diagnostics.Alert(
                    new SourceLocation(file, lineNumber),
                    $"Missing LF on last line, file might have been truncated at position {Encoding.UTF8.GetByteCount(raw) + 1}.",
                    prefix: LocationPrefix.ParsingTight);
                break;
            }

            position = end + 1;
            var at = new SourceLocation(file, lineNumber);
            var result = ConfigTokenizer.Tokenize(raw, environment);
            if (result.Error is not null)
            {
                diagnostics.Alert(at, result.Error);
                if (result.Words.Count == 0)
                {
                    continue;
                }
            }

            if (result.Words.Count > 0)
            {
                lines.Add(new ConfigLine(at, result.Words));
            }
        }

        return lines;
    }
}
