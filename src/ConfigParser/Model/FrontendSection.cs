using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>A proxy with the frontend capability: a `frontend`, or the front half of a `listen`.</summary>
public sealed record FrontendSection
{
    /// <summary>The proxy's name.</summary>
    public required string Name { get; init; }

    /// <summary>The section header's location.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>True for the front half of a `listen` section.</summary>
    public bool IsListen { get; init; }

    /// <summary>`mode`; tcp unless set.</summary>
    public ProxyMode Mode { get; init; }

    /// <summary>The `bind` lines.</summary>
    public IReadOnlyList<BindDefinition> Binds { get; init; } = [];

    /// <summary>`default_backend`, or for a listen section its own backend half; null when absent.</summary>
    public BackendReference? DefaultBackend { get; init; }

    /// <summary>Typed `http-request` rules in declaration order.</summary>
    public IReadOnlyList<HttpRequestRule> HttpRequestRules { get; init; } = [];

    /// <summary>Timeouts (only `client` matters for a frontend).</summary>
    public ProxyTimeouts Timeouts { get; init; } = ProxyTimeouts.None;

    /// <summary>`maxconn`: concurrent client connections; null when unset (the global limit applies).</summary>
    public int? MaxConn { get; init; }

    /// <summary>`option` lines (the defaults section's first).</summary>
    public IReadOnlyList<ProxyOption> Options { get; init; } = [];

    /// <summary>`acl` lines.</summary>
    public IReadOnlyList<Conditions.AclDefinition> Acls { get; init; } = [];

    /// <summary>`use_backend` rules in declaration order.</summary>
    public IReadOnlyList<UseBackendRule> UseBackendRules { get; init; } = [];

    /// <summary>`log` lines.</summary>
    public IReadOnlyList<LogTarget> Logs { get; init; } = [];

    /// <summary>`errorfile`, `errorfiles` and `errorloc*` lines in declaration order, the defaults section's first.</summary>
    public IReadOnlyList<ErrorPageRule> ErrorPages { get; init; } = [];

    /// <summary>The page to send per status, resolved from <see cref="ErrorPages"/> and the http-errors sections.</summary>
    public IReadOnlyDictionary<int, HttpErrorMessage> ErrorMessages { get; init; } = new Dictionary<int, HttpErrorMessage>();

    /// <summary>`log-format`; null when unset (the `option httplog`/`tcplog` layouts apply).</summary>
    public LogFormatDefinition? LogFormat { get; init; }

    /// <summary>`log-tag`: the syslog tag of this proxy's lines; null for the global one.</summary>
    public string? LogTag { get; init; }

    /// <summary>`capture` lines.</summary>
    public IReadOnlyList<CaptureDefinition> Captures { get; init; } = [];

    /// <summary>`tcp-request` rules.</summary>
    public IReadOnlyList<TcpRequestRule> TcpRequestRules { get; init; } = [];

    /// <summary>`tcp-request inspect-delay`; null when unset.</summary>
    public TimeSpan? TcpInspectDelay { get; init; }

    /// <summary>
    /// `http-response` rules in declaration order (the same records as `http-request` where the shapes match, plus
    /// <see cref="HttpSetStatusRule"/>); a listen keeps them in its frontend half.
    /// </summary>
    public IReadOnlyList<HttpRequestRule> HttpResponseRules { get; init; } = [];

    /// <summary>`redirect` rules in declaration order, run after the `http-request` rules (even after an `allow`).</summary>
    public IReadOnlyList<HttpRedirectRule> RedirectRules { get; init; } = [];
}
