using ConfigParser.Diagnostics;

namespace ConfigParser.Model.Conditions;

/// <summary>
/// The `if|unless &lt;condition&gt;` part of a rule (use_backend, http-request …, redirect …), as written and as parsed.
/// </summary>
/// <param name="Location">The rule's line.</param>
/// <param name="IsUnless">True for `unless`: the rule applies when the condition is false.</param>
/// <param name="Words">The words after `if`/`unless`, as written.</param>
public sealed record RuleCondition(SourceLocation Location, bool IsUnless, IReadOnlyList<string> Words)
{
    /// <summary>The parsed expression; null only while the condition parser does not know the syntax yet.</summary>
    public ConditionExpression? Expression { get; init; }
}
