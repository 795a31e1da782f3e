namespace Proxy.Health;

/// <summary>What each <see cref="CheckStatus"/> means: its log description and whether it passes (haproxy 2.6 check_statuses).</summary>
internal static class CheckStatuses
{
    /// <summary>The words logged after "reason: ".</summary>
    public static string Describe(CheckStatus status) => status switch
    {
        CheckStatus.SockErr => "Socket error",
        CheckStatus.L4Ok => "Layer4 check passed",
        CheckStatus.L4Tout => "Layer4 timeout",
        CheckStatus.L4Con => "Layer4 connection problem",
        CheckStatus.L6Ok => "Layer6 check passed",
        CheckStatus.L6Tout => "Layer6 timeout",
        CheckStatus.L6Rsp => "Layer6 invalid response",
        CheckStatus.L7Ok => "Layer7 check passed",
        CheckStatus.L7OkC => "Layer7 check conditionally passed",
        CheckStatus.L7Tout => "Layer7 timeout",
        CheckStatus.L7Rsp => "Layer7 invalid response",
        CheckStatus.Hana => "Health analyze",
        _ => "Layer7 wrong status",
    };

    /// <summary>The stats/`show servers` name (L4OK, L7STS …).</summary>
    public static string Code(CheckStatus status) => status == CheckStatus.SockErr ? "SOCKERR" : status.ToString().ToUpperInvariant();

    /// <summary>True for results that count as a success for rise/fall (L7OKC included: the server stays up, but NOLB).</summary>
    public static bool Passes(CheckStatus status) => status is CheckStatus.L4Ok or CheckStatus.L6Ok or CheckStatus.L7Ok or CheckStatus.L7OkC;
}
