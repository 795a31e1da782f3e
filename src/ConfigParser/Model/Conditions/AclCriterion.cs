namespace ConfigParser.Model.Conditions;

/// <summary>
/// What one `acl` line or one anonymous `{ … }` ACL tests: a sample, a match method, flags and patterns
/// (haproxy 2.6 configuration.txt §7.1). The patterns are already parsed for the method, so an evaluator
/// compares without parsing anything per request.
/// </summary>
/// <param name="Sample">The fetch, its arguments and converters.</param>
/// <param name="Match">The method: from `-m`, else implied by an ACL keyword (`path_beg`), else by the sample's type.</param>
/// <param name="Flags">`-i -n -M -u -f`.</param>
/// <param name="Patterns">The patterns from the line, then those read from `-f` files, in order.</param>
public sealed record AclCriterion(SampleExpression Sample, MatchMethod Match, AclFlags Flags, IReadOnlyList<AclPattern> Patterns);
