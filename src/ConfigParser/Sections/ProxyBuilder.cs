using ConfigParser.Diagnostics;
using ConfigParser.Model;

namespace ConfigParser.Sections;

/// <summary>
/// The mutable state of one defaults/frontend/backend/listen section while its lines are read; frozen into
/// the immutable model by <see cref="ToFrontend"/> and <see cref="ToBackend"/>.
/// </summary>
internal sealed class ProxyBuilder
{
    public ProxyBuilder(ProxyKind kind, string name, SourceLocation location, ProxyBuilder? defaults)
    {
        Kind = kind;
        Name = name;
        Location = location;
        if (defaults is not null)
        {
            // haproxy 2.6 §4: a proxy starts from the settings of its defaults section (the last one before it,
            // or the one named with "from"). default_backend is only copied to proxies with a frontend side.
            Mode = defaults.Mode;
            Timeouts = defaults.Timeouts;
            Balance = defaults.Balance;
            Retries = defaults.Retries;
            RetryOn = defaults.RetryOn;
            MaxConn = defaults.MaxConn;
            DefaultBackend = HasFrontendCapability ? defaults.DefaultBackend : null;
            InheritedHttpRequestRules = kind == ProxyKind.Defaults ? [] : [.. defaults.HttpRequestRules];
            InheritedHttpResponseRules = kind == ProxyKind.Defaults ? [] : [.. defaults.HttpResponseRules];
            Options.AddRange(defaults.Options);
            HttpChecks.AddRange(defaults.HttpChecks);
            TcpChecks.AddRange(defaults.TcpChecks);
            Logs.AddRange(defaults.Logs);
            ErrorPages.AddRange(defaults.ErrorPages);
            HashType = defaults.HashType;
            HashBalanceFactor = defaults.HashBalanceFactor;
            Stats = defaults.Stats;
            DefaultServer = defaults.DefaultServer;
            LogFormat = defaults.LogFormat;
            LogTag = defaults.LogTag;
        }

        // haproxy 2.6 proxy_parse_timeout compares a proxy's timeouts with its defaults' to warn about repeats;
        // a proxy without defaults compares with HAProxy's built-in empty defaults, a defaults section never warns.
        DefaultsTimeouts = kind == ProxyKind.Defaults ? null : defaults?.Timeouts ?? ProxyTimeouts.None;
    }

    public ProxyKind Kind { get; }

    public string Name { get; }

    public SourceLocation Location { get; }

    public ProxyMode Mode { get; set; }

    public ProxyTimeouts Timeouts { get; set; } = ProxyTimeouts.None;

    public BalanceDefinition Balance { get; set; } = BalanceDefinition.Default;

    /// <summary>`retries`.</summary>
    public int Retries { get; set; } = BackendSection.DefaultRetries;

    /// <summary>`retry-on` keywords.</summary>
    public IReadOnlyList<string> RetryOn { get; set; } = BackendSection.DefaultRetryOn;

    /// <summary>`maxconn` of the frontend side; null when unset.</summary>
    public int? MaxConn { get; set; }

    public BackendReference? DefaultBackend { get; set; }

    public List<BindDefinition> Binds { get; } = [];

    public List<ServerDefinition> Servers { get; } = [];

    /// <summary>`option` lines, the defaults section's first; a later line for the same option wins.</summary>
    public List<ProxyOption> Options { get; } = [];

    /// <summary>`acl` lines of this section (ACLs are not inherited from defaults).</summary>
    public List<Model.Conditions.AclDefinition> Acls { get; } = [];

    /// <summary>`use_backend` rules in declaration order.</summary>
    public List<UseBackendRule> UseBackendRules { get; } = [];

    /// <summary>`log` lines (`no log` clears them).</summary>
    public List<LogTarget> Logs { get; } = [];

    /// <summary>`errorfile`, `errorfiles` and `errorloc*` lines in declaration order, the defaults section's first.</summary>
    public List<ErrorPageRule> ErrorPages { get; } = [];

    /// <summary>`log-format`; null when unset.</summary>
    public LogFormatDefinition? LogFormat { get; set; }

    /// <summary>`log-tag`; null when unset.</summary>
    public string? LogTag { get; set; }

    /// <summary>`capture` lines.</summary>
    public List<CaptureDefinition> Captures { get; } = [];

    /// <summary>`tcp-request` rules in declaration order.</summary>
    public List<TcpRequestRule> TcpRequestRules { get; } = [];

    /// <summary>`tcp-request inspect-delay`; null when unset.</summary>
    public TimeSpan? TcpInspectDelay { get; set; }

    /// <summary>True once a `tcp-check connect … port N` line gave health checks their own port.</summary>
    public bool TcpCheckConnectsWithPort { get; set; }

    /// <summary>The global `crt-base` when the section opened: relative `crt` files are looked up under it.</summary>
    public string? CrtBase { get; init; }

    /// <summary>`stick-table`; null when none.</summary>
    public StickTableDefinition? StickTable { get; set; }

    /// <summary>`stats …` settings.</summary>
    public StatsSettings Stats { get; set; } = StatsSettings.None;

    /// <summary>`hash-type`; null when unset (map-based sdbm).</summary>
    public HashTypeDefinition? HashType { get; set; }

    /// <summary>`hash-balance-factor`; 0 when unset (bounded load off).</summary>
    public int HashBalanceFactor { get; set; }

    /// <summary>The settings of the last `default-server` line; null when none.</summary>
    public ServerDefinition? DefaultServer { get; set; }

    /// <summary>This section's own typed `http-request` rules, in order.</summary>
    /// <summary>`http-check` lines, the defaults section's first.</summary>
    public List<HttpCheckDirective> HttpChecks { get; } = [];

    /// <summary>`tcp-check` lines, the defaults section's first.</summary>
    public List<TcpCheckDirective> TcpChecks { get; } = [];

    public List<HttpRequestRule> HttpRequestRules { get; } = [];

    /// <summary>`redirect` rules, in order.</summary>
    public List<HttpRedirectRule> RedirectRules { get; } = [];

    /// <summary>This section's own typed `http-response` rules, in order.</summary>
    public List<HttpRequestRule> HttpResponseRules { get; } = [];

    /// <summary>`http-response` rules of a named defaults section, evaluated before the proxy's own.</summary>
    public IReadOnlyList<HttpRequestRule> InheritedHttpResponseRules { get; } = [];

    /// <summary>Rules of a named defaults section, evaluated before the proxy's own (haproxy 2.6 §4.2 `http-request`).</summary>
    public IReadOnlyList<HttpRequestRule> InheritedHttpRequestRules { get; } = [];

    /// <summary>The timeouts of the defaults section this proxy started from; null for a defaults section.</summary>
    public ProxyTimeouts? DefaultsTimeouts { get; }

    /// <summary>defaults sections carry both capabilities (they preset both kinds of proxy).</summary>
    public bool HasFrontendCapability => Kind is ProxyKind.Frontend or ProxyKind.Listen or ProxyKind.Defaults;

    public bool HasBackendCapability => Kind is ProxyKind.Backend or ProxyKind.Listen or ProxyKind.Defaults;

    /// <summary>How HAProxy names this proxy in messages: "frontend 'fe'", "backend 'be'", "proxy 'app'".</summary>
    public string Description => $"{KindWord} '{Name}'";

    public string KindWord => Kind switch
    {
        ProxyKind.Frontend => "frontend",
        ProxyKind.Backend => "backend",
        ProxyKind.Listen => "proxy",
        _ => "defaults",
    };

    public string SectionWord => Kind.ToString().ToLowerInvariant();

    public FrontendSection ToFrontend() => new()
    {
        Name = Name,
        Location = Location,
        IsListen = Kind == ProxyKind.Listen,
        Mode = Mode,
        Binds = [.. Binds],
        // haproxy 2.6: a listen section uses its own servers when nothing else matched.
        DefaultBackend = Kind == ProxyKind.Listen ? DefaultBackend ?? new BackendReference(Location, Name) : DefaultBackend,
        HttpRequestRules = [.. InheritedHttpRequestRules, .. HttpRequestRules],
        HttpResponseRules = [.. InheritedHttpResponseRules, .. HttpResponseRules],
        RedirectRules = [.. RedirectRules],
        Timeouts = Timeouts,
        MaxConn = MaxConn,
        Options = [.. Options],
        Acls = [.. Acls],
        UseBackendRules = [.. UseBackendRules],
        Logs = [.. Logs],
        ErrorPages = [.. ErrorPages],
        Captures = [.. Captures],
        LogFormat = LogFormat,
        LogTag = LogTag,
        TcpRequestRules = [.. TcpRequestRules],
        TcpInspectDelay = TcpInspectDelay,
    };

    public BackendSection ToBackend() => new()
    {
        Name = Name,
        Location = Location,
        IsListen = Kind == ProxyKind.Listen,
        Mode = Mode,
        Balance = Balance,
        Servers = [.. Servers],
        HttpRequestRules = Kind == ProxyKind.Backend ? [.. InheritedHttpRequestRules, .. HttpRequestRules] : [],
        HttpResponseRules = Kind == ProxyKind.Backend ? [.. InheritedHttpResponseRules, .. HttpResponseRules] : [],
        RedirectRules = Kind == ProxyKind.Backend ? [.. RedirectRules] : [],
        Timeouts = Timeouts,
        Retries = Retries,
        RetryOn = RetryOn,
        Options = [.. Options],
        HashType = HashType,
        HashBalanceFactor = HashBalanceFactor,
        Acls = [.. Acls],
        Stats = Stats,
        StickTable = StickTable,
        Logs = [.. Logs],
        ErrorPages = [.. ErrorPages],
        HttpChecks = [.. HttpChecks],
        TcpChecks = [.. TcpChecks],
    };
}
