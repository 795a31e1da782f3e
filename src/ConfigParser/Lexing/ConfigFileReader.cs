using System.Text;
using ConfigParser.Diagnostics;

namespace ConfigParser.Lexing;

/// <summary>
/// Turns one file's text into statements, reporting line-level problems with file:line, as HAProxy 2.6's
/// src/cfgparse.c readcfgfile does. Lines are produced lazily so that diagnostics stay in line order: the
/// caller handles each line before the next one is read.
/// </summary>
internal static class ConfigFileReader
{
    /// <summary>readcfgfile gives up on a file once this many lines had a fatal error.</summary>
    public const int MaxFatalLines = 50;

    /// <summary>Reads <paramref name="text"/> (named <paramref name="file"/> in diagnostics) into lines.</summary>
    public static IEnumerable<ConfigLine> Read(string file, string text, Func<string, string?> environment, DiagnosticBag diagnostics)
    {
        var lineNumber = 0;
        var position = 0;
        var missingLf = -1;
        var fatalLines = 0;
        var fatalCount = diagnostics.FatalCount;
        while (position < text.Length)
        {
            if (missingLf >= 0)
            {
                // A NUL cut the previous line short (C strings end there) and more text follows.
                diagnostics.Alert(new SourceLocation(file, lineNumber), $"Stray NUL character at position {missingLf + 1}.",
                    prefix: LocationPrefix.ParsingTight);
                yield break;
            }

            fatalLines += diagnostics.FatalCount > fatalCount ? 1 : 0;
            fatalCount = diagnostics.FatalCount;
            lineNumber++;
            if (fatalLines >= MaxFatalLines)
            {
                diagnostics.Alert(new SourceLocation(file, lineNumber), $"too many fatal errors ({fatalLines}), stopping now.",
                    prefix: LocationPrefix.ParsingTight);
                yield break;
            }

            var lf = text.IndexOf('\n', position);
            var raw = lf < 0 ? text[position..] : text[position..lf];
            position = lf < 0 ? text.Length : lf + 1;
            var nul = raw.IndexOf('\0');
            if (nul >= 0)
            {
                raw = raw[..nul];
            }

            if (nul >= 0 || lf < 0)
            {
                // haproxy 2.6 remembers where the line stopped; it reports it once it knows whether text follows.
                missingLf = Encoding.UTF8.GetByteCount(raw);
            }

            var at = new SourceLocation(file, lineNumber);
            var result = ConfigTokenizer.Tokenize(raw, environment);
            if (result.Error is not null)
            {
                // The whole line is skipped, even when some words were found (too many words).
                diagnostics.Alert(at, result.Error, prefix: LocationPrefix.ParsingTight);
                continue;
            }

            // A line whose first word is empty (blank, comment, or "" first) is ignored.
            if (result.Words.Count > 0 && result.Words[0].Length > 0)
            {
                yield return new ConfigLine(at, result.Words);
            }
        }

        if (missingLf >= 0)
        {
            // haproxy 2.6: a last line without LF means a truncated file; the line itself was still parsed.
            diagnostics.Alert(new SourceLocation(file, lineNumber),
                $"Missing LF on last line, file might have been truncated at position {missingLf + 1}.",
                prefix: LocationPrefix.ParsingTight);
        }
    }
}
