using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`set-var(SCOPE.NAME) EXPR` (a sample expression) or `set-var-fmt(SCOPE.NAME) FMT` (a log-format string).</summary>
public sealed record HttpSetVarRule(SourceLocation Location, string Variable, string Expression) : HttpRequestRule(Location)
{
    /// <inheritdoc />
    public override bool IsFinal => false;

    /// <summary>True for `set-var-fmt`: <see cref="Expression"/> is a log-format string.</summary>
    public bool IsFormat { get; init; }
}
