using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`http-request return [status N] [content-type T] [string S]`: answers without a server.</summary>
/// <param name="Location">Where it was declared.</param>
/// <param name="Status">The status code; 200 by default.</param>
/// <param name="ContentType">The content type; required when there is a body.</param>
/// <param name="Body">The payload from `string`, or null for an empty reply.</param>
public sealed record HttpReturnRule(SourceLocation Location, int Status, string? ContentType, string? Body)
    : HttpRequestRule(Location)
{
    /// <inheritdoc />
    public override bool IsFinal => true;

    /// <summary>True for `lf-string`: <see cref="Body"/> is a log-format string evaluated per request.</summary>
    public bool BodyIsFormat { get; init; }
}
