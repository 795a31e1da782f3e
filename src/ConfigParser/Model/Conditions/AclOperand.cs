namespace ConfigParser.Model.Conditions;

/// <summary>What a condition term tests: a named ACL, a predefined one, or an anonymous `{ … }` one.</summary>
public abstract record AclOperand : ConditionExpression;
