using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`http-request deny [deny_status N]`: answers with an error (403 by default) and stops.</summary>
public sealed record HttpDenyRule(SourceLocation Location, int Status) : HttpRequestRule(Location)
{
    /// <inheritdoc />
    public override bool IsFinal => true;
}
