using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`http-request set-path|set-query|set-uri|set-method FMT`: rewrites one part of the request line.</summary>
public sealed record HttpRewriteRule(SourceLocation Location, string Action, string Format) : HttpRequestRule(Location)
{
    /// <inheritdoc />
    public override bool IsFinal => false;
}
