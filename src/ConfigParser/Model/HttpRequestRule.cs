using ConfigParser.Diagnostics;
using ConfigParser.Model.Conditions;

namespace ConfigParser.Model;

/// <summary>One `http-request` rule; each action is a sealed record deriving from this.</summary>
public abstract record HttpRequestRule(SourceLocation Location)
{
    /// <summary>True when the action ends rule processing (return, deny, redirect…).</summary>
    public abstract bool IsFinal { get; }

    /// <summary>The `if|unless` condition; null when the rule always applies.</summary>
    public RuleCondition? Condition { get; init; }
}
