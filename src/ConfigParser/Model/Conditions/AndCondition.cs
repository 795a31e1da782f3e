namespace ConfigParser.Model.Conditions;

/// <summary>Terms written side by side (implicit AND); true when every term is true.</summary>
/// <param name="Terms">The terms, in order (evaluation stops at the first false one).</param>
public sealed record AndCondition(IReadOnlyList<ConditionTerm> Terms) : ConditionExpression;
