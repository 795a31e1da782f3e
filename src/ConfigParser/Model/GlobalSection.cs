namespace ConfigParser.Model;

/// <summary>The process-wide `global` settings.</summary>
public sealed record GlobalSection
{
    /// <summary>`maxconn`: the process-wide connection limit; null when unset.</summary>
    public int? MaxConn { get; init; }

    /// <summary>`pidfile`.</summary>
    public string? PidFile { get; init; }

    /// <summary>`daemon`: accepted; the proxy stays in the foreground under systemd either way.</summary>
    public bool Daemon { get; init; }

    /// <summary>`nbthread` as written (1 to 64); recorded, not applied: .NET's thread pool sizes itself.</summary>
    public int? NbThread { get; init; }

    /// <summary>`master-worker`.</summary>
    public bool MasterWorker { get; init; }

    /// <summary>`log` targets, which `log global` in a proxy refers to.</summary>
    public IReadOnlyList<LogTarget> Logs { get; init; } = [];

    /// <summary>`log-send-hostname [NAME]`: null when unset, "" for the machine's host name.</summary>
    public string? LogSendHostname { get; init; }

    /// <summary>`log-tag`: the syslog tag; null for the program name.</summary>
    public string? LogTag { get; init; }

    /// <summary>`stats socket` listeners.</summary>
    public IReadOnlyList<StatsSocketDefinition> StatsSockets { get; init; } = [];

    /// <summary>`spread-checks`: ± this percent of random jitter on health-check intervals (0..50); 0 by default.</summary>
    public int SpreadChecks { get; init; }

    /// <summary>`crt-base`: where relative certificate paths are looked up (crt-list lines too); null when unset.</summary>
    public string? CrtBase { get; init; }

    /// <summary>
    /// The TLS defaults given (`ssl-default-bind-ciphers`, `-ciphersuites`, `-options`, `ssl-default-server-*`,
    /// `ssl-server-verify`), keyword → the rest of the line as written.
    /// </summary>
    public IReadOnlyDictionary<string, string> SslDefaults { get; init; } = new Dictionary<string, string>();

    /// <summary>Nothing set.</summary>
    public static GlobalSection Empty { get; } = new();
}
