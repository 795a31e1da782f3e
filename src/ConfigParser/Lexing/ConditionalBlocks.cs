using ConfigParser.Diagnostics;

namespace ConfigParser.Lexing;

/// <summary>
/// The ".if"/".elif"/".else"/".endif" blocks open in one file (haproxy 2.6 configuration.txt §2.4, src/cfgparse.c
/// readcfgfile). Each level remembers whether its current branch is taken, may still be taken later, or can no
/// longer be (a branch was taken, or the enclosing block is skipped). Every message was checked with `haproxy -c`.
/// </summary>
internal sealed class ConditionalBlocks
{
    /// <summary>MAXNESTEDCONDS: the 100th nested ".if" is refused ("too many nested '.if', max is 100.").</summary>
    public const int MaxNested = 100;

    private readonly List<Level> _levels = [];

    private enum Branch
    {
        Taken,
        Pending,
        Skipped,
    }

    /// <summary>True when lines are read: outside any block, or in the taken branch of the innermost block.</summary>
    public bool IsActive => _levels.Count == 0 || _levels[^1].Branch == Branch.Taken;

    /// <summary>True while a block is open (at the end of the file: "non-terminated '.if' block.").</summary>
    public bool IsOpen => _levels.Count > 0;

    /// <summary>True for ".if", ".elif", ".else" and ".endif", which are handled even in skipped branches.</summary>
    public static bool Handles(string keyword) => keyword is ".if" or ".elif" or ".else" or ".endif";

    /// <summary>Handles a line for which <see cref="Handles"/> is true.</summary>
    /// <param name="line">The directive line.</param>
    /// <param name="condition">For ".if"/".elif": every word after the keyword joined by single spaces.</param>
    /// <param name="environment">Environment lookup for <c>defined()</c>.</param>
    /// <param name="diagnostics">Where problems go.</param>
    public DirectiveOutcome Handle(ConfigLine line, string condition, Func<string, string?> environment, DiagnosticBag diagnostics)
        => line.Keyword switch
        {
            ".if" => If(line, condition, environment, diagnostics),
            ".elif" => Elif(line, condition, environment, diagnostics),
            ".else" => Else(line, diagnostics),
            _ => EndIf(line, diagnostics),
        };

    private static DirectiveOutcome Abort(ConfigLine line, string message, DiagnosticBag diagnostics)
    {
        diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, line.Location, message, line.Keyword, LocationPrefix.ParsingTight,
            Aborts: true));
        return DirectiveOutcome.Abort;
    }

    // ".else x" and ".endif x" stop the file; the open blocks are then reported as well.
    private static DirectiveOutcome UnexpectedArgument(ConfigLine line, DiagnosticBag diagnostics)
    {
        diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, line.Location, $"Unexpected argument '{line[1]}' for '{line.Keyword}'.",
            line.Keyword, LocationPrefix.ParsingTight, Aborts: true));
        return DirectiveOutcome.StopReading;
    }

    private DirectiveOutcome If(ConfigLine line, string condition, Func<string, string?> environment, DiagnosticBag diagnostics)
    {
        if (_levels.Count + 1 >= MaxNested)
        {
            return Abort(line, $"too many nested '.if', max is {MaxNested}.", diagnostics);
        }

        if (!IsActive)
        {
            // Inside a skipped branch the condition is not even parsed.
            _levels.Add(new Level(Branch.Skipped));
            return DirectiveOutcome.Continue;
        }

        if (!TryEvaluate(line, condition, environment, diagnostics, out var value))
        {
            return DirectiveOutcome.Abort;
        }

        _levels.Add(new Level(value ? Branch.Taken : Branch.Pending));
        return DirectiveOutcome.Continue;
    }

    private DirectiveOutcome Elif(ConfigLine line, string condition, Func<string, string?> environment, DiagnosticBag diagnostics)
    {
        if (_levels.Count == 0)
        {
            return Abort(line, "lone '.elif' with no matching '.if'.", diagnostics);
        }

        var level = _levels[^1];
        if (level.AfterElse)
        {
            return Abort(line, "'.elif' after '.else' is not permitted.", diagnostics);
        }

        if (level.Branch != Branch.Pending)
        {
            _levels[^1] = level with { Branch = Branch.Skipped };
            return DirectiveOutcome.Continue;
        }

        if (!TryEvaluate(line, condition, environment, diagnostics, out var value))
        {
            return DirectiveOutcome.Abort;
        }

        _levels[^1] = level with { Branch = value ? Branch.Taken : Branch.Pending };
        return DirectiveOutcome.Continue;
    }

    private DirectiveOutcome Else(ConfigLine line, DiagnosticBag diagnostics)
    {
        if (line[1].Length > 0)
        {
            return UnexpectedArgument(line, diagnostics);
        }

        if (_levels.Count == 0)
        {
            return Abort(line, "lone '.else' with no matching '.if'.", diagnostics);
        }

        var level = _levels[^1];
        if (level.AfterElse)
        {
            return Abort(line, "'.else' after '.else' is not permitted.", diagnostics);
        }

        _levels[^1] = new Level(level.Branch == Branch.Pending ? Branch.Taken : Branch.Skipped, AfterElse: true);
        return DirectiveOutcome.Continue;
    }

    private DirectiveOutcome EndIf(ConfigLine line, DiagnosticBag diagnostics)
    {
        if (line[1].Length > 0)
        {
            return UnexpectedArgument(line, diagnostics);
        }

        if (_levels.Count == 0)
        {
            return Abort(line, "lone '.endif' with no matching '.if'.", diagnostics);
        }

        _levels.RemoveAt(_levels.Count - 1);
        return DirectiveOutcome.Continue;
    }

    // "unparsable conditional expression 'bad' in '.if' at position 1:\n  .if bad\n      ^": the position counts
    // bytes from 1 in the condition; the echo is the condition cut to 76 columns (src/cfgparse.c readcfgfile).
    private static bool TryEvaluate(ConfigLine line, string condition, Func<string, string?> environment, DiagnosticBag diagnostics,
        out bool value)
    {
        var result = ConditionEvaluator.Evaluate(condition, environment);
        value = result.Value;
        if (result.Error is null)
        {
            return true;
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(condition);
        var errorByte = System.Text.Encoding.UTF8.GetByteCount(condition.AsSpan(0, result.ErrorIndex));
        var (echo, caret) = ConfigTokenizer.Sanitize(bytes, errorByte, 76);
        var indent = new string(' ', line.Keyword.Length + 1 + caret);
        Abort(line, $"{result.Error} in '{line.Keyword}' at position {errorByte + 1}:\n  {line.Keyword} {echo}\n  {indent}^", diagnostics);
        return false;
    }

    /// <summary>One open block: the state of its current branch, and whether ".else" was seen.</summary>
    private readonly record struct Level(Branch Branch, bool AfterElse = false);
}
