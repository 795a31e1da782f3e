namespace ConfigParser.Directives;

/// <summary>
/// What haproxy 2.6 says when a server keyword's argument is missing or not one of its values (src/server.c,
/// src/cfgparse-ssl.c, src/connection.c), for the keywords the typed settings do not check themselves.
/// Messages follow "'server be/name' : ".
/// </summary>
internal static class ServerArgumentChecks
{
    private static readonly Dictionary<string, string> Missing = new(StringComparer.Ordinal)
    {
        ["addr"] = "'addr' expects <ipv4|ipv6> as argument..",
        ["agent-addr"] = "'agent-addr' expects an address as argument..",
        ["agent-send"] = "'agent-send' expects a string as argument..",
        ["ca-file"] = "'ca-file' : missing CAfile path.",
        ["check-alpn"] = "'check-alpn' : missing the comma-delimited ALPN protocol suite.",
        ["check-proto"] = "'check-proto' : missing value.",
        ["check-sni"] = "'check-sni' : missing SNI.",
        ["ciphers"] = "'ciphers' : missing cipher suite.",
        ["crl-file"] = "'crl-file' : missing CRLfile path.",
        ["crt"] = "'crt' : missing certificate file path.",
        ["error-limit"] = "'error-limit' expects an integer argument..",
        ["max-reuse"] = "'max-reuse' expects <value> as argument..",
        ["namespace"] = "'namespace' : expects <name> as argument.",
        ["npn"] = "'npn' : missing the comma-delimited NPN protocol suite.",
        ["pool-max-conn"] = "'pool-max-conn' expects <value> as argument..",
        ["pool-purge-delay"] = "'pool-purge-delay' expects <value> as argument..",
        ["proto"] = "'proto' : missing value.",
        ["proxy-v2-options"] = "'' : proxy v2 option not implemented.",
        ["redir"] = "'redir' expects <prefix> as argument..",
        ["resolve-net"] = "'resolve-net' expects a list of networks..",
        ["sni"] = "'sni' : missing sni expression.",
        ["socks4"] = "'socks4' expects <addr>:<port> as argument..",
        ["source"] = "'source' expects <addr>[:<port>[-<port>]], and optionally 'usesrc' <addr>, and 'interface' <name> as argument..",
        ["ssl-max-ver"] = "'ssl-max-ver' : missing the ssl/tls version.",
        ["ssl-min-ver"] = "'ssl-min-ver' : missing the ssl/tls version.",
        ["tcp-ut"] = "'tcp-ut' : missing TCP User Timeout value.",
        ["verify"] = "'verify' : missing verify method.",
        ["verifyhost"] = "'verifyhost' : missing hostname to verify against.",
    };

    private static readonly string[] TlsVersions = ["SSLv3", "TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3"];

    /// <summary>The message for a refused argument of <paramref name="keyword"/>, or null when it is accepted.</summary>
    public static string? Check(string keyword, string argument)
    {
        if (argument.Length == 0 && Missing.TryGetValue(keyword, out var missing))
        {
            return missing;
        }

        return keyword switch
        {
            "verify" when argument is not ("none" or "required") =>
                $"'verify' : unknown verify method '{argument}', only 'none' and 'required' are supported.",
            "ssl-min-ver" or "ssl-max-ver" when !TlsVersions.Contains(argument) => $"'{argument}' : unknown ssl/tls version.",
            "resolve-prefer" when argument is not ("ipv4" or "ipv6") => "'resolve-prefer' expects either ipv4 or ipv6 as argument..",
            "ws" when argument is not ("auto" or "h1" or "h2") => "'ws' has to be 'auto', 'h1' or 'h2'.",
            "log-proto" when argument is not ("legacy" or "octet-count") =>
                $"'log-proto' expects one of 'legacy' or 'octet-count' but got '{argument}'.",
            "on-marked-down" when argument != "shutdown-sessions" => $"'on-marked-down' expects 'shutdown-sessions' but got '{argument}'.",
            "on-marked-up" when argument != "shutdown-backup-sessions" => $"'on-marked-up' expects 'shutdown-backup-sessions' but got '{argument}'.",
            _ => null,
        };
    }
}
