using System.Runtime.CompilerServices;
using System.Text;
using ConfigParser.Diagnostics;

namespace ConfigParser.Lexing;

/// <summary>
/// Turns one file's text into statements, reporting line-level problems with file:line, as HAProxy 2.6's
/// src/cfgparse.c readcfgfile does. The reader also does the preprocessing, so the section parser only sees active
/// lines: ".if" blocks, the ".diag/.notice/.warning/.alert" directives, the ${.FILE}/${.LINE}/${.SECTION}
/// pseudo-variables and the global section's setenv/presetenv/unsetenv/resetenv. Lines are produced lazily so that
/// diagnostics stay in line order: the caller handles each line before the next one is read.
/// </summary>
internal static partial class ConfigFileReader
{
    /// <summary>readcfgfile gives up on a file once this many lines had a fatal error.</summary>
    public const int MaxFatalLines = 50;

    // One environment per parse when the caller does not pass one: the bag is created per parse, so it keys it.
    private static readonly ConditionalWeakTable<DiagnosticBag, EnvironmentOverlay> Overlays = new();

    /// <summary>Reads <paramref name="text"/> (named <paramref name="file"/> in diagnostics) into lines.</summary>
    /// <param name="file">The file name as given on the command line.</param>
    /// <param name="text">The file's contents.</param>
    /// <param name="environment">The process environment (never modified).</param>
    /// <param name="diagnostics">Where problems go; it also identifies the parse for setenv's effect on later files.</param>
    /// <param name="overlay">The parse's environment changes; by default one per <paramref name="diagnostics"/>.</param>
    public static IEnumerable<ConfigLine> Read(string file, string text, Func<string, string?> environment, DiagnosticBag diagnostics,
        EnvironmentOverlay? overlay = null)
    {
        var env = overlay ?? Overlays.GetValue(diagnostics, _ => new EnvironmentOverlay(environment));
        var blocks = new ConditionalBlocks();
        var section = new SectionTracker();
        var buffer = new LineBuffer();
        var lineNumber = 0;
        var position = 0;
        var missingLf = -1;
        var strayNul = false;
        var fatalLines = 0;
        var fatalCount = diagnostics.FatalCount;
        var stop = DirectiveOutcome.Continue;
        while (position < text.Length && stop == DirectiveOutcome.Continue)
        {
            if (missingLf >= 0)
            {
                // A NUL cut the previous line short (C strings end there) and more text follows.
                diagnostics.Alert(new SourceLocation(file, lineNumber), $"Stray NUL character at position {missingLf + 1}.",
                    prefix: LocationPrefix.ParsingTight);
                strayNul = true;
                break;
            }

            fatalLines += diagnostics.FatalCount > fatalCount ? 1 : 0;
            fatalCount = diagnostics.FatalCount;
            lineNumber++;
            if (fatalLines >= MaxFatalLines)
            {
                diagnostics.Alert(new SourceLocation(file, lineNumber), $"too many fatal errors ({fatalLines}), stopping now.",
                    prefix: LocationPrefix.ParsingTight);
                break;
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
            var result = buffer.Split(raw, env.Get, new PseudoVariables(file, lineNumber, section.Name));
            if (result.Error is not null)
            {
                // The whole line is skipped, even when some words were found (too many words), and even inside a
                // skipped ".if" branch: HAProxy splits every line before looking at the blocks.
                diagnostics.Alert(at, result.Error, prefix: LocationPrefix.ParsingTight);
                continue;
            }

            // A line whose first word is empty (blank, comment, or "" first) is ignored.
            if (result.Words.Count == 0 || result.Words[0].Length == 0)
            {
                continue;
            }

            var line = new ConfigLine(at, result.Words);
            if (ConditionalBlocks.Handles(line.Keyword))
            {
                stop = blocks.Handle(line, ConditionText(result), env.Get, diagnostics);
                continue;
            }

            if (!blocks.IsActive)
            {
                continue;
            }

            if (line.Keyword[0] == '.')
            {
                stop = HandleMessageDirective(line, diagnostics);
                continue;
            }

            section.See(line);
            if (section.IsGlobal && TryHandleEnvironment(line, env, diagnostics))
            {
                continue;
            }

            yield return line;
        }

        if (stop == DirectiveOutcome.Abort)
        {
            yield break;
        }

        if (missingLf >= 0 && !strayNul)
        {
            // haproxy 2.6: a last line without LF means a truncated file; the line itself was still parsed.
            diagnostics.Alert(new SourceLocation(file, lineNumber),
                $"Missing LF on last line, file might have been truncated at position {missingLf + 1}.",
                prefix: LocationPrefix.ParsingTight);
        }

        if (blocks.IsOpen)
        {
            // Blocks do not span files; the message names the last line read.
            diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, new SourceLocation(file, lineNumber),
                "non-terminated '.if' block.", ".if", LocationPrefix.ParsingTight, Aborts: true));
        }
    }

    // readcfgfile joins every word after ".if" back with single spaces, including the empty last word that trailing
    // blanks leave (so ".if 1 && " reads "1 && ", and ".if" alone reads "").
    private static string ConditionText(TokenizeResult result)
    {
        var words = result.Words.Skip(1);
        return string.Join(' ', result.EndsWithEmptyWord ? words.Append("") : words);
    }
}
