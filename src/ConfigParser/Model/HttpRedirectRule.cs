using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`http-request redirect location|prefix|scheme TARGET [code N] [options…]`.</summary>
/// <param name="Location">Where it was declared.</param>
/// <param name="Kind">"location", "prefix" or "scheme".</param>
/// <param name="Target">The log-format target as written.</param>
/// <param name="Code">301, 302 (default), 303, 307 or 308.</param>
/// <param name="Options">Other options as written (drop-query, append-slash, set-cookie …).</param>
public sealed record HttpRedirectRule(SourceLocation Location, string Kind, string Target, int Code, IReadOnlyList<string> Options)
    : HttpRequestRule(Location)
{
    /// <inheritdoc />
    public override bool IsFinal => true;
}
