namespace ConfigParser.Model.Conditions;

/// <summary>
/// A named ACL declared with `acl` earlier in the same proxy. Every `acl` line with this name counts, OR-ed, and
/// so do lines declared later in the proxy (HAProxy links the term to the ACL object, which later lines extend).
/// A runtime builder resolves the name once into the proxy's criteria, so evaluation looks nothing up.
/// </summary>
/// <param name="Name">The ACL's name (case-sensitive).</param>
public sealed record AclReference(string Name) : AclOperand;
