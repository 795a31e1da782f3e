namespace ConfigParser.Model.Conditions;

/// <summary>
/// One of HAProxy 2.6's predefined ACLs (`TRUE`, `METH_GET`, `LOCALHOST`…; configuration.txt §7.4), used because
/// no `acl` of that name was declared in the proxy (a declared one takes precedence).
/// </summary>
/// <param name="Name">The predefined name.</param>
/// <param name="Criterion">Its definition, parsed like any ACL (e.g. METH_GET is `method GET HEAD`).</param>
public sealed record PredefinedAcl(string Name, AclCriterion Criterion) : AclOperand;
