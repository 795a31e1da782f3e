using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>A proxy with the backend capability: a `backend`, or the back half of a `listen`.</summary>
public sealed record BackendSection
{
    /// <summary>The proxy's name.</summary>
    public required string Name { get; init; }

    /// <summary>The section header's location.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>True for the back half of a `listen` section.</summary>
    public bool IsListen { get; init; }

    /// <summary>`mode`; tcp unless set.</summary>
    public ProxyMode Mode { get; init; }

    /// <summary>`balance`; roundrobin unless set.</summary>
    public BalanceDefinition Balance { get; init; } = BalanceDefinition.Default;

    /// <summary>`server` lines in declaration order.</summary>
    public IReadOnlyList<ServerDefinition> Servers { get; init; } = [];

    /// <summary>`http-request` rules of a backend section (a listen keeps its rules in the frontend half).</summary>
    public IReadOnlyList<HttpRequestRule> HttpRequestRules { get; init; } = [];

    /// <summary>Timeouts (`server` and `connect` matter for a backend).</summary>
    public ProxyTimeouts Timeouts { get; init; } = ProxyTimeouts.None;

    /// <summary>`retries`: connection attempts retried after a failure; 3 unless set (haproxy 2.6 §4.2 retries).</summary>
    public int Retries { get; init; } = DefaultRetries;

    /// <summary>haproxy 2.6: `retries` defaults to 3.</summary>
    public const int DefaultRetries = 3;

    /// <summary>`retry-on` keywords as written (validated); `conn-failure` unless set.</summary>
    public IReadOnlyList<string> RetryOn { get; init; } = DefaultRetryOn;

    /// <summary>haproxy 2.6: `retry-on` defaults to `conn-failure`.</summary>
    public static IReadOnlyList<string> DefaultRetryOn { get; } = ["conn-failure"];

    /// <summary>`option` lines (the defaults section's first).</summary>
    public IReadOnlyList<ProxyOption> Options { get; init; } = [];

    /// <summary>`acl` lines (for the backend's own rules' conditions).</summary>
    public IReadOnlyList<Conditions.AclDefinition> Acls { get; init; } = [];

    /// <summary>`hash-type`; null when unset.</summary>
    public HashTypeDefinition? HashType { get; init; }

    /// <summary>`hash-balance-factor`: 0 (off) or above 100, the most a server may carry in % of the average load.</summary>
    public int HashBalanceFactor { get; init; }

    /// <summary>`option allbackups`: balance over every usable backup server, not only the first.</summary>
    public bool AllBackups => Options.LastOrDefault(o => o.Name == "allbackups")?.Enabled ?? false;

    /// <summary>`http-check` lines in order (the defaults section's first).</summary>
    public IReadOnlyList<HttpCheckDirective> HttpChecks { get; init; } = [];

    /// <summary>`tcp-check` lines in order (the defaults section's first).</summary>
    public IReadOnlyList<TcpCheckDirective> TcpChecks { get; init; } = [];

    /// <summary>`option log-health-checks`: also log every check status change (read by the logging work).</summary>
    public bool LogHealthChecks => Options.LastOrDefault(o => o.Name == "log-health-checks")?.Enabled ?? false;

    /// <summary>`log` lines.</summary>
    public IReadOnlyList<LogTarget> Logs { get; init; } = [];

    /// <summary>`errorfile`, `errorfiles` and `errorloc*` lines in declaration order, the defaults section's first.</summary>
    public IReadOnlyList<ErrorPageRule> ErrorPages { get; init; } = [];

    /// <summary>The page to send per status, resolved from <see cref="ErrorPages"/> and the http-errors sections.</summary>
    public IReadOnlyDictionary<int, HttpErrorMessage> ErrorMessages { get; init; } = new Dictionary<int, HttpErrorMessage>();

    /// <summary>
    /// `http-response` rules in declaration order (the same records as `http-request` where the shapes match, plus
    /// <see cref="HttpSetStatusRule"/>); a listen keeps them in its frontend half.
    /// </summary>
    public IReadOnlyList<HttpRequestRule> HttpResponseRules { get; init; } = [];

    /// <summary>`redirect` rules in declaration order, run after the `http-request` rules (even after an `allow`).</summary>
    public IReadOnlyList<HttpRedirectRule> RedirectRules { get; init; } = [];

    /// <summary>`stats …` settings (the statistics page is served by the backend side).</summary>
    public StatsSettings Stats { get; init; } = StatsSettings.None;

    /// <summary>`stick-table`; null when none.</summary>
    public StickTableDefinition? StickTable { get; init; }
}
