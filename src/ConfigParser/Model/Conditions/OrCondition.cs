namespace ConfigParser.Model.Conditions;

/// <summary>
/// The root of a parsed condition: suites separated by `or`/`||`; true when any suite is true. No suite at all
/// (`if` alone, which HAProxy 2.6 accepts) is false, so `if` never applies and `unless` always does.
/// </summary>
/// <param name="Suites">The AND-ed suites, in order (evaluation stops at the first true one).</param>
public sealed record OrCondition(IReadOnlyList<AndCondition> Suites) : ConditionExpression;
