namespace ConfigParser.Directives;

/// <summary>
/// Every keyword haproxy 2.6 accepts on a `server` / `default-server` line, with the number of arguments it takes
/// (`haproxy -dKcfg`, "server &lt;name&gt; &lt;addr&gt; …" entries).
/// </summary>
internal static class ServerKeywords
{
    private static readonly string[] Flags =
    [
        "agent-check", "allow-0rtt", "backup", "check", "check-send-proxy", "check-ssl", "check-via-socks4", "disabled",
        "enabled", "force-sslv3", "force-tlsv10", "force-tlsv11", "force-tlsv12", "force-tlsv13", "no-agent-check",
        "no-backup", "no-check", "no-check-send-proxy", "no-check-ssl", "no-send-proxy", "no-send-proxy-v2",
        "no-send-proxy-v2-ssl", "no-send-proxy-v2-ssl-cn", "no-ssl", "no-ssl-reuse", "no-sslv3", "no-tfo",
        "no-tls-tickets", "no-tlsv10", "no-tlsv11", "no-tlsv12", "no-tlsv13", "non-stick", "send-proxy", "send-proxy-v2",
        "send-proxy-v2-ssl", "send-proxy-v2-ssl-cn", "ssl", "ssl-reuse", "stick", "tfo", "tls-tickets", "usesrc",
    ];

    private static readonly string[] WithArgument =
    [
        "addr", "agent-addr", "agent-inter", "agent-port", "agent-send", "alpn", "ca-file", "check-alpn", "check-proto",
        "check-sni", "ciphers", "ciphersuites", "cookie", "crl-file", "crt", "downinter", "error-limit", "fall",
        "fastinter", "id", "init-addr", "inter", "log-proto", "max-reuse", "maxconn", "maxqueue", "minconn", "namespace",
        "npn", "observe", "on-error", "on-marked-down", "on-marked-up", "pool-low-conn", "pool-max-conn",
        "pool-purge-delay", "port", "proto", "proxy-v2-options", "redir", "resolve-net", "resolve-opts", "resolve-prefer",
        "resolvers", "rise", "slowstart", "sni", "socks4", "source", "ssl-max-ver", "ssl-min-ver", "tcp-ut", "track",
        "verify", "verifyhost", "weight", "ws",
    ];

    /// <summary>Keyword → number of arguments (0 or 1).</summary>
    public static IReadOnlyDictionary<string, int> Arguments { get; } =
        Flags.Select(k => (k, 0)).Concat(WithArgument.Select(k => (k, 1))).ToDictionary(p => p.k, p => p.Item2, StringComparer.Ordinal);
}
