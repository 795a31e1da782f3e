using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`http-request replace-header|replace-value NAME REGEX REPLACEMENT`.</summary>
public sealed record HttpReplaceHeaderRule(SourceLocation Location, string Action, string Name, string Pattern, string Replacement)
    : HttpRequestRule(Location)
{
    /// <inheritdoc />
    public override bool IsFinal => false;
}
