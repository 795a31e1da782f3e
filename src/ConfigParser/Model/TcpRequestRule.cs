using ConfigParser.Diagnostics;
using ConfigParser.Model.Conditions;

namespace ConfigParser.Model;

/// <summary>`tcp-request connection|session|content ACTION [ARGS] [if|unless COND]` (haproxy 2.6 §4.2 `tcp-request`).</summary>
/// <param name="Location">Where it was declared.</param>
/// <param name="Stage">"connection", "session" or "content".</param>
/// <param name="Action">The action keyword, e.g. "accept", "reject", "track-sc0".</param>
/// <param name="Arguments">The action's words up to the condition, as written.</param>
/// <param name="Condition">The condition; null when the rule always applies.</param>
public sealed record TcpRequestRule(SourceLocation Location, string Stage, string Action, IReadOnlyList<string> Arguments, RuleCondition? Condition);
