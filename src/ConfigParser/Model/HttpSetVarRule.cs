using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`http-request set-var(SCOPE.NAME) EXPR`: stores a sample in a variable.</summary>
public sealed record HttpSetVarRule(SourceLocation Location, string Variable, string Expression) : HttpRequestRule(Location)
{
    /// <inheritdoc />
    public override bool IsFinal => false;
}
