namespace ConfigParser.Directives;

/// <summary>
/// What haproxy 2.6 says when a bind keyword's argument is missing (src/listener.c, src/cfgparse-ssl.c,
/// src/cfgparse-tcp.c, src/cli.c …); messages follow "'bind ADDR' in section 'S' : ". Keywords not listed say
/// "'KEYWORD' : missing value".
/// </summary>
internal static class BindArgumentChecks
{
    private static readonly Dictionary<string, string> Missing = new(StringComparer.Ordinal)
    {
        ["alpn"] = "missing the comma-delimited ALPN protocol suite",
        ["ca-file"] = "missing CAfile path",
        ["ca-ignore-err"] = "missing error IDs list",
        ["ca-sign-file"] = "missing CAfile path",
        ["ca-sign-pass"] = "missing CAkey password",
        ["ca-verify-file"] = "missing CAfile path",
        ["ciphers"] = "missing cipher suite",
        ["ciphersuites"] = "missing cipher suite",
        ["crl-file"] = "missing CRLfile path",
        ["crt"] = "missing certificate location",
        ["crt-ignore-err"] = "missing error IDs list",
        ["crt-list"] = "missing certificate location",
        ["curves"] = "missing curve suite",
        ["ecdhe"] = "missing named curve",
        ["expose-fd"] = "missing fd type",
        ["group"] = "missing group name",
        ["id"] = "expects an integer argument",
        ["interface"] = "missing interface name",
        ["level"] = "missing level",
        ["mode"] = "missing or invalid mode '' (octal integer expected)",
        ["mss"] = "missing MSS value",
        ["name"] = "missing name",
        ["namespace"] = "missing namespace id",
        ["npn"] = "missing the comma-delimited NPN protocol suite",
        ["process"] = "'' is not a valid number/range. It supports numbers from 1 to 1.",
        ["severity-output"] = "missing severity format",
        ["ssl-max-ver"] = "missing the ssl/tls version",
        ["ssl-min-ver"] = "missing the ssl/tls version",
        ["tcp-ut"] = "missing TCP User Timeout value",
        ["tls-ticket-keys"] = "missing TLS ticket keys file path",
        ["user"] = "missing user name",
        ["verify"] = "missing verify method",
    };

    /// <summary>The text after "'bind ADDR' in section 'S' : " for a missing argument of <paramref name="keyword"/>.</summary>
    public static string MissingArgument(string keyword) => keyword switch
    {
        // haproxy 2.6 names no keyword for thread (it quotes the empty value instead); Debian's build has 64 threads.
        "thread" => "'' : '' is not a valid number/range. It supports numbers from 1 to 64.",
        _ => $"'{keyword}' : {Missing.GetValueOrDefault(keyword, "missing value")}",
    };
}
