using ConfigParser.Diagnostics;
using ConfigParser.Model.Conditions;

namespace ConfigParser.Model;

/// <summary>`use_backend NAME [if|unless COND]` (haproxy 2.6 §4.2 `use_backend`).</summary>
/// <param name="Location">Where it was declared.</param>
/// <param name="Backend">The backend's name as written (it may be a log-format expression when it contains '%').</param>
/// <param name="Condition">The condition; null when the rule always applies.</param>
public sealed record UseBackendRule(SourceLocation Location, string Backend, RuleCondition? Condition)
{
    /// <summary>True when the name is a static name, checked after parsing (a '%' makes it dynamic).</summary>
    public bool IsStatic => !Backend.Contains('%', StringComparison.Ordinal);
}
