using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Model.Conditions;

namespace ConfigParser.Conditions;

/// <summary>
/// `if|unless &lt;condition&gt;` → <see cref="RuleCondition"/> (haproxy 2.6 configuration.txt §7.2; src/acl.c
/// `build_acl_cond`, `parse_acl_cond`). The expression is in disjunctive form: <see cref="OrCondition"/> of
/// <see cref="AndCondition"/> of <see cref="ConditionTerm"/>.
/// </summary>
/// <remarks>
/// Message convention: the parser produces HAProxy's inner message ("no such ACL : 'x'") and the rule's wording
/// comes from a format of <see cref="ConditionMessages"/> ("error detected while parsing switching rule : {0}.").
/// The 4-argument overload picks the format (and whether the error stops HAProxy reading further, as for
/// http-request rules) from the line's keyword; rules whose wording names the proxy
/// (redirect, tcp-request) must pass their format. Callers check the word at <c>start</c> themselves when their
/// own wording for "neither if nor unless" differs (use_backend and http-request both have their own).
/// </remarks>
internal static class ConditionParser
{
    /// <summary>
    /// Parses the condition that starts at word <paramref name="start"/> of <paramref name="line"/> (which must be
    /// `if` or `unless`) and runs to the end of the line. <paramref name="isKnownAcl"/> says whether a named ACL was
    /// declared earlier in the same proxy (HAProxy only sees ACLs declared above the rule). Returns null after
    /// reporting a diagnostic.
    /// </summary>
    public static RuleCondition? Parse(ConfigLine line, int start, Func<string, bool> isKnownAcl, DiagnosticBag diagnostics)
        => Parse(line, start, isKnownAcl, diagnostics, ConditionMessages.For(line), ConditionMessages.Aborts(line));

    /// <summary>Same, with the rule's message format (see <see cref="ConditionMessages"/>) and HAProxy's abort flag.</summary>
    public static RuleCondition? Parse(
        ConfigLine line, int start, Func<string, bool> isKnownAcl, DiagnosticBag diagnostics, string messageFormat, bool aborts = false)
    {
        var keyword = line[start];
        string? error;
        OrCondition? expression = null;
        if (keyword is not ("if" or "unless"))
        {
            error = "conditions must start with either 'if' or 'unless'";
        }
        else
        {
            (expression, error) = ParseExpression([.. line.Words.Skip(start + 1)], isKnownAcl, diagnostics);
        }

        if (expression is null)
        {
            diagnostics.Add(new ConfigDiagnostic(
                DiagnosticSeverity.Alert, line.Location, ConditionMessages.Format(messageFormat, error!), line.Keyword, Aborts: aborts));
            return null;
        }

        return new RuleCondition(line.Location, keyword == "unless", [.. line.Words.Skip(start + 1)]) { Expression = expression };
    }

    /// <summary>
    /// The words after `if`/`unless` → the expression, or HAProxy's inner error message. Warnings of anonymous ACLs
    /// go to <paramref name="diagnostics"/>.
    /// </summary>
    public static (OrCondition? Expression, string? Error) ParseExpression(
        IReadOnlyList<string> words, Func<string, bool> isKnownAcl, DiagnosticBag diagnostics)
    {
        var suites = new List<AndCondition>();
        var terms = new List<ConditionTerm>();
        var negated = false;
        for (var i = 0; i < words.Count && words[i].Length > 0; i++)
        {
            // An empty word ends the condition, as the end of HAProxy's args[] does. Leading '!' toggle the negation; a lone "!" is allowed and applies to the next term.
            var word = words[i].TrimStart('!');
            negated ^= (words[i].Length - word.Length) % 2 == 1;
            if (word.Length == 0)
            {
                continue;
            }

            if (word.Equals("or", StringComparison.OrdinalIgnoreCase) || word == "||")
            {
                Close(suites, terms);
                negated = false;
                continue;
            }

            AclOperand operand;
            if (word == "{")
            {
                var end = i + 1;
                while (end < words.Count && words[end].Length > 0 && words[end] != "}")
                {
                    end++;
                }

                if (end >= words.Count || words[end].Length == 0)
                {
                    return (null, "missing closing '}' in condition");
                }

                var body = AclCriterionParser.Parse([.. words.Skip(i + 1).Take(end - i - 1)], "", diagnostics);
                if (body.Criterion is not { } criterion)
                {
                    return (null, body.Error);
                }

                operand = new AnonymousAcl(criterion);
                i = end;
            }
            else if (isKnownAcl(word))
            {
                operand = new AclReference(word);
            }
            else if (PredefinedAcls.Find(word) is { } predefined)
            {
                operand = predefined;
            }
            else
            {
                return (null, $"no such ACL : '{word}'");
            }

            terms.Add(new ConditionTerm(negated, operand));
            negated = false;
        }

        Close(suites, terms);
        return (new OrCondition(suites), null);
    }

    private static void Close(List<AndCondition> suites, List<ConditionTerm> terms)
    {
        if (terms.Count > 0)
        {
            suites.Add(new AndCondition([.. terms]));
            terms.Clear();
        }
    }
}
