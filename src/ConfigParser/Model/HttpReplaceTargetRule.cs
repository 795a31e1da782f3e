using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`http-request replace-path|replace-pathq|replace-uri REGEX FMT`: rewrites part of the request target by regex.</summary>
/// <param name="Location">Where it was declared.</param>
/// <param name="Action">"replace-path", "replace-pathq" or "replace-uri".</param>
/// <param name="Pattern">The regular expression, matched against the path, the path and query, or the whole URI.</param>
/// <param name="Replacement">The log-format replacement; `\1`…`\9` refer to the match's groups.</param>
public sealed record HttpReplaceTargetRule(SourceLocation Location, string Action, string Pattern, string Replacement) : HttpRequestRule(Location)
{
    /// <inheritdoc />
    public override bool IsFinal => false;
}
