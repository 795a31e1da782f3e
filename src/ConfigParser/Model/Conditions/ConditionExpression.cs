namespace ConfigParser.Model.Conditions;

/// <summary>A node of a parsed ACL condition (haproxy 2.6 configuration.txt §7.2): terms, negation, AND, OR.</summary>
public abstract record ConditionExpression;
