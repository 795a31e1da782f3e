using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>A `server` line of a backend or listen section (haproxy 2.6 configuration.txt §5.2), or a `default-server` line.</summary>
/// <param name="Location">Where it was declared.</param>
/// <param name="Name">The server's name, unique within its backend; empty for `default-server`.</param>
/// <param name="Host">Address or host name as written; empty for `default-server`.</param>
/// <param name="Port">The port; null means "the port the client connected to" (haproxy 2.6 §5.2).</param>
/// <param name="Weight">0 to 256; 1 by default.</param>
public sealed record ServerDefinition(SourceLocation Location, string Name, string Host, int? Port, int Weight)
{
    /// <summary>haproxy 2.6: server `weight` defaults to 1.</summary>
    public const int DefaultWeight = 1;

    /// <summary>haproxy 2.6: weights range from 0 to 256.</summary>
    public const int MaxWeight = 256;

    /// <summary>`check`: health checks enabled.</summary>
    public bool Check { get; init; }

    /// <summary>`inter`: interval between checks; null for the default (2s).</summary>
    public TimeSpan? Inter { get; init; }

    /// <summary>`fastinter`: interval while the server is going up or down.</summary>
    public TimeSpan? FastInter { get; init; }

    /// <summary>`downinter`: interval while the server is down.</summary>
    public TimeSpan? DownInter { get; init; }

    /// <summary>`rise`: successful checks before up; 2 by default.</summary>
    public int Rise { get; init; } = 2;

    /// <summary>`fall`: failed checks before down; 3 by default.</summary>
    public int Fall { get; init; } = 3;

    /// <summary>`port`: the port health checks use; null for the server's port.</summary>
    public int? CheckPort { get; init; }

    /// <summary>`addr`: the address health checks use; null for the server's address.</summary>
    public string? CheckAddress { get; init; }

    /// <summary>`backup`: used only when no other server is up.</summary>
    public bool Backup { get; init; }

    /// <summary>`disabled`: starts in maintenance.</summary>
    public bool Disabled { get; init; }

    /// <summary>`maxconn`: concurrent connections; 0 for unlimited.</summary>
    public int MaxConn { get; init; }

    /// <summary>`maxqueue`: queued connections; 0 for unlimited.</summary>
    public int MaxQueue { get; init; }

    /// <summary>`minconn`: dynamic limit's floor.</summary>
    public int MinConn { get; init; }

    /// <summary>`id`: the numeric identifier; null when assigned automatically.</summary>
    public int? Id { get; init; }

    /// <summary>`ssl`: TLS to the server.</summary>
    public bool Ssl { get; init; }

    /// <summary>`verify none|required`.</summary>
    public string? Verify { get; init; }

    /// <summary>`ca-file`.</summary>
    public string? CaFile { get; init; }

    /// <summary>`crt`: the client certificate.</summary>
    public string? Certificate { get; init; }

    /// <summary>`sni EXPR`.</summary>
    public string? Sni { get; init; }

    /// <summary>`check-ssl`.</summary>
    public bool CheckSsl { get; init; }

    /// <summary>`no-check-ssl`: checks stay in clear even on an `ssl` server (haproxy 2.6 otherwise checks it over TLS).</summary>
    public bool NoCheckSsl { get; init; }

    /// <summary>`alpn`: comma-delimited protocol list.</summary>
    public string? Alpn { get; init; }

    /// <summary>`send-proxy`: PROXY protocol v1.</summary>
    public bool SendProxy { get; init; }

    /// <summary>`send-proxy-v2`: PROXY protocol v2.</summary>
    public bool SendProxyV2 { get; init; }

    /// <summary>`cookie VALUE`.</summary>
    public string? Cookie { get; init; }

    /// <summary>`resolvers NAME`.</summary>
    public string? Resolvers { get; init; }

    /// <summary>`init-addr` methods (libc, last, none, or an address).</summary>
    public string? InitAddr { get; init; }

    /// <summary>`slowstart`.</summary>
    public TimeSpan? SlowStart { get; init; }

    /// <summary>`agent-check`.</summary>
    public bool AgentCheck { get; init; }

    /// <summary>`agent-port`.</summary>
    public int? AgentPort { get; init; }

    /// <summary>`agent-inter`.</summary>
    public TimeSpan? AgentInter { get; init; }

    /// <summary>`observe none|layer4|layer7`.</summary>
    public string? Observe { get; init; }

    /// <summary>`error-limit`.</summary>
    public int? ErrorLimit { get; init; }

    /// <summary>`on-error fastinter|fail-check|sudden-death|mark-down`.</summary>
    public string? OnError { get; init; }

    /// <summary>`track [PROXY/]SERVER`.</summary>
    public string? Track { get; init; }

    /// <summary>Every other 2.6 server keyword given, with its argument (empty for flags), as written.</summary>
    public IReadOnlyDictionary<string, string> OtherSettings { get; init; } = NoSettings;

    // One shared empty map, so that records without other settings compare equal.
    private static readonly IReadOnlyDictionary<string, string> NoSettings = new Dictionary<string, string>();
}
