namespace ConfigParser.Lexing;

/// <summary>
/// Parses and evaluates the condition of a ".if" or ".elif" line as HAProxy 2.6 does (configuration.txt §2.4,
/// src/cfgcond.c): terms are integers (0 is false), predicates such as <c>defined(NAME)</c>, parenthesised
/// expressions and '!' negations; "&amp;&amp;" binds tighter than "||". The whole text is parsed even when an
/// earlier term already decides the result, so a syntax error anywhere is reported. Predicates have no side
/// effects, so the value is computed while parsing.
/// </summary>
internal sealed partial class ConditionEvaluator
{
    /// <summary>MAX_CFG_RECURSION: each "||" or "&amp;&amp;" level costs one, each parenthesis three (verified: 341 nested
    /// parentheses are refused, 340 accepted).</summary>
    public const int MaxRecursion = 1024;

    private readonly string _text;
    private readonly Func<string, string?> _environment;
    private string? _error;
    private int _errorIndex;

    private ConditionEvaluator(string text, Func<string, string?> environment)
    {
        _text = text;
        _environment = environment;
    }

    /// <summary>How a sub-parser ended: it failed (error recorded), found nothing to parse, or parsed something.</summary>
    private enum Parsed
    {
        Error,
        Nothing,
        Done,
    }

    /// <summary>Evaluates <paramref name="text"/>, the words after ".if" joined by single spaces.</summary>
    /// <param name="text">The condition.</param>
    /// <param name="environment">Environment lookup for <c>defined()</c> (the reader's view, setenv included).</param>
    public static ConditionResult Evaluate(string text, Func<string, string?> environment)
    {
        // configuration.txt §2.4: an empty condition is false.
        if (text.Length == 0)
        {
            return new ConditionResult(false, null, 0);
        }

        var evaluator = new ConditionEvaluator(text, environment);
        var position = 0;
        var parsed = evaluator.ParseOr(ref position, out var value, MaxRecursion);
        if (parsed == Parsed.Error)
        {
            return ConditionResult.Failure(evaluator._error!, evaluator._errorIndex);
        }

        if (parsed == Parsed.Nothing)
        {
            return ConditionResult.Failure($"unparsable conditional expression '{text}'", position);
        }

        position = evaluator.SkipBlanks(position);
        return position < text.Length
            ? ConditionResult.Failure($"unexpected character '{text[position]}' at the end of conditional expression '{text}'", position)
            : new ConditionResult(value, null, 0);
    }

    // <and> [ "||" <or> ]. On return, position is after the last complete sub-expression (before a dangling "||").
    private Parsed ParseOr(ref int position, out bool value, int depth)
    {
        value = false;
        var at = position;
        if (at >= _text.Length)
        {
            return Parsed.Nothing;
        }

        if (depth <= 0)
        {
            return Fail($"unparsable conditional expression '{_text[at..]}'", at);
        }

        var parsed = ParseAnd(ref at, out var left, depth - 1);
        if (parsed == Parsed.Error)
        {
            return parsed;
        }

        if (parsed == Parsed.Nothing)
        {
            return Fail($"unparsable conditional expression '{_text[at..]}'", at);
        }

        at = SkipBlanks(at);
        position = at;
        value = left;
        if (!_text.AsSpan(at).StartsWith("||"))
        {
            return Parsed.Done;
        }

        at = SkipBlanks(at + 2);
        parsed = ParseOr(ref at, out var right, depth - 1);
        if (parsed == Parsed.Done)
        {
            position = at;
        }

        value = left || right;
        return parsed;
    }

    // <term> [ "&&" <and> ], with the same conventions as ParseOr.
    private Parsed ParseAnd(ref int position, out bool value, int depth)
    {
        value = false;
        var at = position;
        if (at >= _text.Length)
        {
            return Parsed.Nothing;
        }

        if (depth <= 0)
        {
            return Fail($"unparsable conditional sub-expression '{_text[at..]}'", at);
        }

        var parsed = ParseTerm(ref at, out var left, depth - 1);
        if (parsed == Parsed.Error)
        {
            return parsed;
        }

        if (parsed == Parsed.Nothing)
        {
            return Fail($"unparsable conditional sub-expression '{_text[at..]}'", at);
        }

        at = SkipBlanks(at);
        position = at;
        value = left;
        if (!_text.AsSpan(at).StartsWith("&&"))
        {
            return Parsed.Done;
        }

        at = SkipBlanks(at + 2);
        parsed = ParseAnd(ref at, out var right, depth - 1);
        if (parsed == Parsed.Done)
        {
            position = at;
        }

        value = left && right;
        return parsed;
    }

    // [ "!"... ] ( <integer> | "(" <or> ")" | <predicate>[(<args>)] ). Messages quote the term from where it
    // started, blanks included, as HAProxy does.
    private Parsed ParseTerm(ref int position, out bool value, int depth)
    {
        value = false;
        var start = position;
        var at = SkipBlanks(position);
        if (at >= _text.Length)
        {
            return Parsed.Nothing;
        }

        if (depth <= 0)
        {
            return Fail($"unparsable conditional expression '{_text[start..]}'", start);
        }

        var negate = false;
        while (at < _text.Length && _text[at] == '!')
        {
            negate = !negate;
            at = SkipBlanks(at + 1);
        }

        if (CInteger.TryParse(_text, at, 0, out var number, out var end))
        {
            value = (number != 0) ^ negate;
            position = end;
            return Parsed.Done;
        }

        if (at < _text.Length && _text[at] == '(')
        {
            at = SkipBlanks(at + 1);
            var parsed = ParseOr(ref at, out var inner, depth - 1);
            if (parsed == Parsed.Error)
            {
                return parsed;
            }

            if (parsed == Parsed.Nothing)
            {
                return Fail($"unparsable conditional expression '{_text[start..]}'", start);
            }

            at = SkipBlanks(at);
            if (at >= _text.Length || _text[at] != ')')
            {
                return Fail($"expected ')' after conditional expression '{_text[start..]}'", start);
            }

            value = inner ^ negate;
            position = SkipBlanks(at + 1);
            return Parsed.Done;
        }

        if (TryPredicate(ref at, out var result) is { } outcome)
        {
            if (outcome == Parsed.Done)
            {
                value = result ^ negate;
                position = at;
            }

            return outcome;
        }

        return Fail($"unparsable conditional expression '{_text[start..]}'", start);
    }

    private Parsed Fail(string error, int index)
    {
        _error = error;
        _errorIndex = index;
        return Parsed.Error;
    }

    // src/cfgcond.c skips only spaces and tabs between terms.
    private int SkipBlanks(int at)
    {
        while (at < _text.Length && _text[at] is ' ' or '\t')
        {
            at++;
        }

        return at;
    }
}
