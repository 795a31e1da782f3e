namespace Proxy.Health;

/// <summary>The outcome of one probe.</summary>
/// <param name="Status">The result code.</param>
/// <param name="Code">The layer-7 status code (HTTP status), logged as ", code: N"; null below layer 5.</param>
/// <param name="Info">The check's description, logged quoted as ", info: \"…\"" (strerror text, HTTP reason phrase …).</param>
/// <param name="Duration">How long the check took, logged as ", check duration: Nms".</param>
internal sealed record CheckResult(CheckStatus Status, int? Code, string? Info, TimeSpan Duration)
{
    public bool Passed => CheckStatuses.Passes(Status);
}
