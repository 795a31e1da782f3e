namespace ConfigParser.Model.Conditions;

/// <summary>An ACL written inline between braces, e.g. `{ path_beg /api }`.</summary>
/// <param name="Criterion">What it tests.</param>
public sealed record AnonymousAcl(AclCriterion Criterion) : AclOperand;
