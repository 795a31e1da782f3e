namespace ConfigParser.Model.Conditions;

/// <summary>One ACL in a condition, possibly negated by `!` (an odd number of them).</summary>
/// <param name="Negated">True for `!acl`.</param>
/// <param name="Operand">The named, predefined or anonymous ACL.</param>
public sealed record ConditionTerm(bool Negated, AclOperand Operand) : ConditionExpression;
