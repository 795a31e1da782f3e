using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`http-request auth [realm REALM]`: answers 401 (407 in proxy mode) asking for credentials.</summary>
public sealed record HttpAuthRule(SourceLocation Location, string? Realm) : HttpRequestRule(Location)
{
    /// <inheritdoc />
    public override bool IsFinal => true;
}
