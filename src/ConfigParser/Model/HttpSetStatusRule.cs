using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`http-response set-status STATUS [reason REASON]`: replaces the response's status (and reason phrase).</summary>
/// <param name="Location">Where it was declared.</param>
/// <param name="Status">The new status, 100 to 999.</param>
/// <param name="Reason">The log-format reason phrase; null for the status's standard phrase.</param>
public sealed record HttpSetStatusRule(SourceLocation Location, int Status, string? Reason) : HttpRequestRule(Location)
{
    /// <inheritdoc />
    public override bool IsFinal => false;
}
