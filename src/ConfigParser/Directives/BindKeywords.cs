namespace ConfigParser.Directives;

/// <summary>
/// Every keyword haproxy 2.6 accepts after a `bind` address, with the number of arguments it takes
/// (`haproxy -dKcfg`, "bind &lt;addr&gt; …" entries, the SSL ones included).
/// </summary>
internal static class BindKeywords
{
    private static readonly string[] Flags =
    [
        "ssl",
        "accept-proxy", "allow-0rtt", "defer-accept", "force-sslv3", "force-tlsv10", "force-tlsv11", "force-tlsv12",
        "force-tlsv13", "generate-certificates", "no-ca-names", "no-sslv3", "no-tls-tickets", "no-tlsv10",
        "no-tlsv11", "no-tlsv12", "no-tlsv13", "prefer-client-ciphers", "strict-sni", "tfo", "transparent", "v4v6",
        "v6only",
    ];

    private static readonly string[] WithArgument =
    [
        "accept-netscaler-cip", "alpn", "backlog", "ca-file", "ca-ignore-err", "ca-sign-file", "ca-sign-pass",
        "ca-verify-file", "ciphers", "ciphersuites", "crl-file", "crt", "crt-ignore-err", "crt-list", "curves",
        "ecdhe", "expose-fd", "gid", "group", "id", "interface", "level", "maxconn", "mode", "mss", "name",
        "namespace", "nice", "npn", "process", "proto", "severity-output", "shards", "ssl-max-ver", "ssl-min-ver",
        "tcp-ut", "thread", "tls-ticket-keys", "uid", "user", "verify",
    ];

    /// <summary>Keyword → number of arguments (0 or 1).</summary>
    public static IReadOnlyDictionary<string, int> Arguments { get; } =
        Flags.Select(k => (k, 0)).Concat(WithArgument.Select(k => (k, 1))).ToDictionary(p => p.k, p => p.Item2, StringComparer.Ordinal);
}
