using ConfigParser.Diagnostics;

namespace ConfigParser.Keepalived.Lexing;

/// <summary>
/// Turns keepalived.conf text into logical lines: `@host` / `@^host` filters, `$NAME=value` definitions and
/// their expansion, comments and quotes (<see cref="KeepalivedTokenizer"/>), `include` with globs, and braces
/// split so that `kw {` ends a line and `}` is a line of its own (keepalived 2.2 accepts `a { b }` on one line).
/// </summary>
internal sealed class KeepalivedPreprocessor
{
    /// <summary>How deep includes may nest before the chain is cut (guards against a file including itself).</summary>
    public const int MaxIncludeDepth = 16;

    private readonly string _hostName;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<KeepalivedLine> _lines = [];
    private KeepalivedDefinitions? _definitions;
    private string _mainFile = string.Empty;

    /// <summary>Creates a preprocessor for one load.</summary>
    public KeepalivedPreprocessor(string hostName, DiagnosticBag diagnostics)
    {
        _hostName = hostName;
        _diagnostics = diagnostics;
    }

    /// <summary>Reads the main file's text; includes are read from disk relative to <paramref name="directory"/>.</summary>
    public List<KeepalivedLine> Run(string displayName, string text, string directory)
    {
        _definitions = new KeepalivedDefinitions(_hostName, directory);
        _mainFile = displayName;
        ReadText(displayName, text, directory, 0);
        return _lines;
    }

    private void ReadText(string display, string text, string directory, int depth)
    {
        var raw = text.Split('\n');
        string? pendingName = null;
        var pendingValue = new System.Text.StringBuilder();
        for (var i = 0; i < raw.Length; i++)
        {
            var line = raw[i].TrimEnd('\r');
            if (pendingName is not null)
            {
                var part = line.Trim();
                var more = part.EndsWith('\\');
                pendingValue.Append('\n').Append(more ? part[..^1].TrimEnd() : part);
                if (!more)
                {
                    _definitions!.Define(pendingName, pendingValue.ToString());
                    pendingName = null;
                }

                continue;
            }

            var content = line.TrimStart();

            // Observed: "Unterminated quote" is about the raw line (`@host` prefix included, whatever the host);
            // "Unmatched quote" only about lines kept for this host, without the prefix.
            var at = new SourceLocation(display, i + 1);
            ReportQuote(KeepalivedTokenizer.Tokenize(content).Unterminated, $"Unterminated quote '{content.Trim()}'", at);
            if (content.StartsWith('@') && !KeepForHost(ref content))
            {
                continue;
            }

            ReportQuote(KeepalivedTokenizer.HasUnmatchedQuote(content), $"Unmatched quote: '{content.Trim()}'", at);

            if (KeepalivedDefinitions.TryParseDefinition(content, out var name, out var value))
            {
                if (value.EndsWith('\\'))
                {
                    pendingName = name;
                    pendingValue.Clear().Append(value[..^1].TrimEnd());
                }
                else
                {
                    _definitions!.Define(name, value);
                }

                continue;
            }

            foreach (var expanded in _definitions!.Expand(content).Split('\n'))
            {
                var words = KeepalivedTokenizer.Split(expanded);
                if (words.Count == 0)
                {
                    continue;
                }

                if (words[0] == "include")
                {
                    Include(words, at, directory, depth);
                    continue;
                }

                AddLogicalLines(words, at);
            }
        }
    }

    // Observed: the parent ("(Line N)", main file only) and the children ("(file: Line N)") both print these, for
    // lines inside blocks too; "Unmatched quote" counts every `"`, escaped or not.
    private void ReportQuote(bool condition, string message, SourceLocation at)
    {
        if (!condition)
        {
            return;
        }

        _diagnostics.Warning(at, message);
        if (at.File == _mainFile)
        {
            _diagnostics.Warning(at, message, prefix: LocationPrefix.Bracket);
        }
    }

    private bool KeepForHost(ref string content)
    {
        var end = 0;
        while (end < content.Length && !char.IsWhiteSpace(content[end]))
        {
            end++;
        }

        var word = content[1..end];
        var negate = word.StartsWith('^');
        var host = negate ? word[1..] : word;
        content = content[end..].TrimStart();
        return string.Equals(host, _hostName, StringComparison.Ordinal) != negate;
    }

    private void Include(List<string> words, SourceLocation at, string directory, int depth)
    {
        if (words.Count < 2)
        {
            return;
        }

        var pattern = words[1];
        if (depth >= MaxIncludeDepth)
        {
            _diagnostics.Alert(at, $"Config files nested too deeply, ignoring '{pattern}'.", "include", LocationPrefix.Bracket);
            return;
        }

        var matches = IncludeGlob.Expand(pattern, directory);
        if (matches.Count == 0 && !IncludeGlob.HasWildcards(pattern))
        {
            // Observed: "(Line 3) Config files missing 'missing.conf'." (a glob that matches nothing is silent).
            _diagnostics.Alert(at, $"Config files missing '{pattern}'.", "include", LocationPrefix.Bracket);
            return;
        }

        foreach (var (display, fullPath) in matches)
        {
            string text;
            try
            {
                text = File.ReadAllText(fullPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _diagnostics.Alert(at, $"Config files missing '{pattern}'.", "include", LocationPrefix.Bracket);
                continue;
            }

            ReadText(display, text, Path.GetDirectoryName(fullPath) ?? directory, depth + 1);
        }
    }

    private void AddLogicalLines(List<string> words, SourceLocation at)
    {
        var current = new List<string>();
        foreach (var word in words)
        {
            if (word == "{")
            {
                current.Add(word);
                Emit();
            }
            else if (word == "}")
            {
                Emit();
                current.Add(word);
                Emit();
            }
            else
            {
                current.Add(word);
            }
        }

        Emit();

        void Emit()
        {
            if (current.Count > 0)
            {
                _lines.Add(new KeepalivedLine(at, current));
                current = [];
            }
        }
    }
}
