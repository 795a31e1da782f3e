using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Model.Conditions;

namespace ConfigParser.Conditions;

/// <summary>`if|unless &lt;condition&gt;` → <see cref="RuleCondition"/> (haproxy 2.6 configuration.txt §7.2).</summary>
internal static class ConditionParser
{
    /// <summary>
    /// Parses the condition that starts at word <paramref name="start"/> of <paramref name="line"/> (which must be
    /// `if` or `unless`) and runs to the end of the line. <paramref name="isKnownAcl"/> says whether a named ACL was
    /// declared earlier in the same proxy. Returns null after reporting a diagnostic.
    /// </summary>
    public static RuleCondition? Parse(ConfigLine line, int start, Func<string, bool> isKnownAcl, DiagnosticBag diagnostics)
    {
        var keyword = line[start];
        if (keyword is not ("if" or "unless"))
        {
            diagnostics.Alert(line.Location, $"expects 'if' or 'unless' followed by a condition but found '{keyword}'.", line.Keyword);
            return null;
        }

        return new RuleCondition(line.Location, keyword == "unless", [.. line.Words.Skip(start + 1)]);
    }
}
