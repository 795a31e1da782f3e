using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`http-request allow`: stops evaluating the http-request rules and lets the request through.</summary>
public sealed record HttpAllowRule(SourceLocation Location) : HttpRequestRule(Location)
{
    /// <inheritdoc />
    public override bool IsFinal => true;
}
