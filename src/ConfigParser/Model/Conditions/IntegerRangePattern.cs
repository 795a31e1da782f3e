namespace ConfigParser.Model.Conditions;

/// <summary>
/// A pattern for `-m int|len`: `n`, `a:b`, `a:`, `:b`, or an operator `eq ge gt le lt` applied to the following
/// values (haproxy 2.6 configuration.txt §7.1.2; src/acl.c folds the operators into ranges the same way).
/// </summary>
/// <param name="Text">The pattern as written, or the range an operator made of it (`ge 5` gives "5:").</param>
/// <param name="Min">The lowest matching value; null for no lower bound.</param>
/// <param name="Max">The highest matching value; null for no upper bound.</param>
public sealed record IntegerRangePattern(string Text, long? Min, long? Max) : AclPattern(Text);
