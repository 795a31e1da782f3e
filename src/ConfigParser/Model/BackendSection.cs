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

    /// <summary>`option` lines (the defaults section's first).</summary>
    public IReadOnlyList<ProxyOption> Options { get; init; } = [];

    /// <summary>`acl` lines (for the backend's own rules' conditions).</summary>
    public IReadOnlyList<Conditions.AclDefinition> Acls { get; init; } = [];

    /// <summary>`hash-type`; null when unset.</summary>
    public HashTypeDefinition? HashType { get; init; }

    /// <summary>`log` lines.</summary>
    public IReadOnlyList<LogTarget> Logs { get; init; } = [];

    /// <summary>`errorfile` lines.</summary>
    public IReadOnlyList<ErrorFileDefinition> ErrorFiles { get; init; } = [];

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
