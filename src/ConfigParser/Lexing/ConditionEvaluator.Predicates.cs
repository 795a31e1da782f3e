namespace ConfigParser.Lexing;

/// <summary>The predicates of ".if" conditions (haproxy 2.6 configuration.txt §2.4).</summary>
internal sealed partial class ConditionEvaluator
{
    /// <summary>Each predicate and how many string arguments it takes (all of them mandatory).</summary>
    private static readonly Dictionary<string, int> Predicates = new(StringComparer.Ordinal)
    {
        ["defined"] = 1,
        ["feature"] = 1,
        ["streq"] = 2,
        ["strneq"] = 2,
        ["version_atleast"] = 1,
        ["version_before"] = 1,
    };

    // A predicate name is the text up to the first space or '(' (so "defined (X)" is "defined" without arguments,
    // followed by junk). Returns null when the word is not a predicate.
    private Parsed? TryPredicate(ref int at, out bool value)
    {
        value = false;
        var nameEnd = _text.IndexOfAny([' ', '('], at);
        var name = _text[at..(nameEnd < 0 ? _text.Length : nameEnd)];
        if (!Predicates.TryGetValue(name, out var count))
        {
            return null;
        }

        var arguments = PredicateArguments.Parse(_text, at + name.Length, count);
        if (arguments.Error is not null)
        {
            return Fail($"{arguments.Error} in argument {arguments.ErrorArgument} of predicate '{name}' used in conditional expression",
                arguments.End);
        }

        var args = arguments.Values;
        value = name switch
        {
            "defined" => _environment(args[0]) is not null,
            "feature" => HaproxyBuild.HasFeature(args[0]),
            "streq" => string.Equals(args[0], args[1], StringComparison.Ordinal),
            "strneq" => !string.Equals(args[0], args[1], StringComparison.Ordinal),
            // An unparsable version compares as an error (negative), which makes version_atleast true.
            "version_atleast" => HaproxyBuild.CompareVersion(args[0]) <= 0,
            _ => HaproxyBuild.CompareVersion(args[0]) > 0,
        };
        at = arguments.End;
        return Parsed.Done;
    }
}
