using ConfigParser.Diagnostics;

namespace ConfigParser.Model.Conditions;

/// <summary>
/// One `acl &lt;name&gt; &lt;criterion&gt; [flags] [operator] [value]…` line. Several lines with the same name are OR-ed.
/// </summary>
/// <param name="Location">Where it was declared.</param>
/// <param name="Name">The ACL's name.</param>
/// <param name="Words">The words after the name, as written.</param>
public sealed record AclDefinition(SourceLocation Location, string Name, IReadOnlyList<string> Words)
{
    /// <summary>The parsed sample, match method, flags and patterns; null only for a definition built by hand.</summary>
    public AclCriterion? Criterion { get; init; }
}
