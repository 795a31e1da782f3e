using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`unset-var(SCOPE.NAME)`: forgets a variable.</summary>
public sealed record HttpUnsetVarRule(SourceLocation Location, string Variable) : HttpRequestRule(Location)
{
    /// <inheritdoc />
    public override bool IsFinal => false;
}
