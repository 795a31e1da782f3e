using static ConfigParser.Tests.Support.TestConfig;

namespace ConfigParser.Tests.Keywords;

/// <summary>
/// Keywords of a frontend section: options, log, use_backend, capture, stats, errorfile, tcp-request, removed and unknown keywords, bind settings. Each case is one line placed in a small valid configuration; the expected alerts (newline-separated, empty
/// when the file is valid) are what `haproxy -c` 2.6.12 printed for the same file.
/// </summary>
public sealed class FrontendKeywordCatalogTests
{
    private static string Config(string line) => Lines("defaults", "  mode http", "  timeout client 5s", "  timeout connect 5s", "  timeout server 5s", "frontend fe", "  bind :8080", "  @LINE@", "  default_backend be", "backend be", "  server s1 127.0.0.1:80").Replace("@LINE@", line, StringComparison.Ordinal);

    [Theory]
    [InlineData("option httplog", "")]
    [InlineData("option httplog clf", "")]
    [InlineData("option httplog foo", "[ALERT] parsing [t.cfg:8] : keyword 'httplog' only supports option 'clf'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("option dontlognull x", "[ALERT] parsing [t.cfg:8] : 'option dontlognull' cannot handle unexpected argument 'x'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("option", "[ALERT] parsing [t.cfg:8]: 'option' expects an option name.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("option zzzqqqxx", "[ALERT] parsing [t.cfg:8] : unknown option 'zzzqqqxx'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("option forwarded", "[ALERT] parsing [t.cfg:8] : unknown option 'forwarded'; did you mean 'forwardfor' maybe ?\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("option forwardfor except 127.0.0.0/8 header X-Client if-none", "")]
    [InlineData("option http_proxy", "[ALERT] parsing [t.cfg:8]: option 'http_proxy' is not supported any more since HAProxy 2.5. This option stopped working in HAProxy 1.9 and usually had nasty side effects. It can be more reliably implemented with combinations of 'http-request set-dst' and 'http-request set-uri', and even 'http-request do-resolve' if DNS resolution is desired.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("option forceclose", "[ALERT] parsing [t.cfg:8]: option 'forceclose' is not supported any more since HAProxy 2.0, please just remove it, or use 'option httpclose' if absolutely needed.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("option http-tunnel", "[ALERT] parsing [t.cfg:8]: option 'http-tunnel' is not supported any more since HAProxy 2.1, please just remove it, it shouldn't be needed.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("no option httplog", "[ALERT] parsing [t.cfg:8]: negation/default is not supported for option 'httplog'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("no option http-server-close", "")]
    [InlineData("default option forwardfor", "[ALERT] parsing [t.cfg:8]: negation/default is not supported for option 'forwardfor'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("no log", "")]
    [InlineData("no balance", "[ALERT] parsing [t.cfg:8]: negation/default currently supported only for options, log, busy-polling, set-dumpable, strict-limits, insecure-fork-wanted and numa-cpu-mapping.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("log global", "")]
    [InlineData("log 127.0.0.1:514 local0 info notice", "")]
    [InlineData("log 127.0.0.1 local0 foo", "[ALERT] parsing [t.cfg:8] : log : unknown optional log level 'foo'\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("log 127.0.0.1 local0 info foo", "[ALERT] parsing [t.cfg:8] : log : unknown optional minimum log level 'foo'\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("log 127.0.0.1 len x local0", "[ALERT] parsing [t.cfg:8] : log : invalid log length 'x', must be between 80 and 65535\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("log 127.0.0.1 format foo local0", "[ALERT] parsing [t.cfg:8] : log : unknown log format 'foo'\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("log 127.0.0.1", "[ALERT] parsing [t.cfg:8] : log : expects <address> and <facility> or global as arguments\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("log foo.invalid:514 local0", "[ALERT] parsing [t.cfg:8] : log : invalid address: 'foo.invalid' in 'foo.invalid:514'\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("acl is_api path_beg /api", "")]
    [InlineData("use_backend be if TRUE", "")]
    [InlineData("use_backend be2", "[ALERT] Proxy 'fe': unable to find required use_backend: 'be2'.\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("use_backend", "[ALERT] parsing [t.cfg:8] : 'use_backend' expects a backend name.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("use_backend be foo", "[ALERT] parsing [t.cfg:8] : unexpected keyword 'foo' after switching rule, only 'if' and 'unless' are allowed.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("capture request header Host len 64", "")]
    [InlineData("capture request header Host", "[ALERT] parsing [t.cfg:8] : 'capture request' expects 'header' <header_name> 'len' <len>.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("capture foo", "[ALERT] parsing [t.cfg:8] : 'capture' expects 'cookie' or 'request header' or 'response header'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("capture cookie SID len 32", "")]
    [InlineData("capture request header X len 3 x", "[ALERT] parsing [t.cfg:8] : 'capture request' cannot handle unexpected argument 'x'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stats enable", "")]
    [InlineData("stats uri /stats", "")]
    [InlineData("stats foo", "[ALERT] parsing [t.cfg:8]: unknown stats parameter 'foo', expects 'admin', 'uri', 'realm', 'auth', 'scope', 'enable', 'hide-version', 'show-node', 'show-desc' or 'show-legends'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stats", "[ALERT] parsing [t.cfg:8]: missing keyword in 'stats', expects 'admin', 'uri', 'realm', 'auth', 'scope', 'enable', 'hide-version', 'show-node', 'show-desc' or 'show-legends'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stats socket /x", "[ALERT] parsing [t.cfg:8]: unknown stats parameter 'socket', expects 'admin', 'uri', 'realm', 'auth', 'scope', 'enable', 'hide-version', 'show-node', 'show-desc' or 'show-legends'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("errorfile 503 /nonexistent/503.http", "[ALERT] parsing [t.cfg:8] : errorfile : error opening file '/nonexistent/503.http'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("errorfile", "[ALERT] parsing [t.cfg:8] : errorfile : expects <status_code> and <file> as arguments.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("errorfile 999 /etc/hosts", "[ALERT] parsing [t.cfg:8] : errorfile : status code '999' not handled.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tcp-request", "[ALERT] parsing [t.cfg:8] : missing argument for 'tcp-request' in frontend 'fe'\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tcp-request foo", "[ALERT] parsing [t.cfg:8] : 'tcp-request' expects 'inspect-delay', 'connection', or 'content' in frontend 'fe' (got 'foo')\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tcp-request inspect-delay", "[ALERT] parsing [t.cfg:8] : 'tcp-request inspect-delay' expects a positive delay in milliseconds, in frontend 'fe'\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tcp-request inspect-delay 5s", "")]
    [InlineData("tcp-request content accept", "")]
    [InlineData("block", "[ALERT] parsing [t.cfg:8] : The 'block' directive is not supported anymore since HAProxy 2.1. Use 'http-request deny' which uses the exact same syntax.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("reqadd X-Foo:\\ bar", "[ALERT] parsing [t.cfg:8] : The 'reqadd' directive is not supported anymore since HAProxy 2.1. Use 'http-request add-header' instead.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("rspdel ^Server:.*", "[ALERT] parsing [t.cfg:8] : The 'rspdel' directive is not supported anymore since HAProxy 2.1. Use 'http-response del-header' .\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("clitimeout 5000", "[ALERT] parsing [t.cfg:8] : the 'clitimeout' directive is not supported anymore since HAProxy 2.1. Use 'timeout client'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("redispatch", "[ALERT] parsing [t.cfg:8] : keyword 'redispatch' directive is not supported anymore since HAProxy 2.1. Use 'option redispatch'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("grace 5s", "[ALERT] parsing [t.cfg:8]: the 'grace' keyword is not supported any more since HAProxy version 2.5.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("appsession JSESSIONID len 52", "[ALERT] parsing [t.cfg:8] : 'appsession' is not supported anymore since HAProxy 1.6.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("monitor-net 10.0.0.0/8", "[ALERT] parsing [t.cfg:8] : 'monitor-net' doesn't exist anymore. Please use 'http-request return status 200 if { src 10.0.0.0/8 }' instead.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("monitor-uri /health", "")]
    [InlineData("maxconn 1000", "")]
    [InlineData("compression algo gzip", "")]
    [InlineData("http-response set-header X-A b", "")]
    [InlineData("rate-limit sessions 10", "")]
    [InlineData("zzzqqq", "[ALERT] parsing [t.cfg:8] : unknown keyword 'zzzqqq' in 'frontend' section\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("sever", "[ALERT] parsing [t.cfg:8] : unknown keyword 'sever' in 'frontend' section; did you mean 'server' maybe ?\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("bind :8443 ssl crt /nonexistent.pem", "[ALERT] parsing [t.cfg:8] : 'bind :8443' in section 'frontend' : unable to stat SSL certificate from file '/nonexistent.pem' : No such file or directory.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("bind :8443 ssl crt-list /nonexistent.lst", "[ALERT] parsing [t.cfg:8] : 'bind :8443' in section 'frontend' : 'crt-list' : cannot open file '/nonexistent.lst' : No such file or directory\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("bind :8443 ssl", "[ALERT] Proxy 'fe': no SSL certificate specified for bind ':8443' at [t.cfg:8] (use 'crt').\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("bind :8443 foo", "[ALERT] parsing [t.cfg:8] : 'bind :8443' in section 'frontend': unknown keyword 'foo'; did you mean 'tfo' maybe ?\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("bind :8443 accept-proxy", "")]
    [InlineData("bind :8443 maxconn", "[ALERT] parsing [t.cfg:8] : 'bind :8443' in section 'frontend' : 'maxconn' : missing value\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("bind :8443 alpn", "[ALERT] parsing [t.cfg:8] : 'bind :8443' in section 'frontend' : 'alpn' : missing the comma-delimited ALPN protocol suite\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stats uri", "[ALERT] parsing [t.cfg:8] : 'uri' needs an URI prefix.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stats realm", "[ALERT] parsing [t.cfg:8] : 'realm' needs an realm name.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stats auth", "[ALERT] parsing [t.cfg:8] : 'auth' needs a user:password account.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stats auth admin:pw", "")]
    [InlineData("stats refresh x", "[ALERT] parsing [t.cfg:8]: unexpected character 'x' in argument to stats refresh interval.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stats refresh 10s", "")]
    [InlineData("stats admin", "[ALERT] parsing [t.cfg:8] : 'stats admin' requires either 'if' or 'unless' followed by a condition.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stats admin if TRUE", "")]
    [InlineData("stats scope", "[ALERT] parsing [t.cfg:8] : 'scope' needs a proxy name.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stats hide-version", "")]
    [InlineData("timeout http-request 5s", "")]
    [InlineData("timeout http-keep-alive 1s", "")]
    public void Parse_KeywordLine_ReportsHaproxyAlerts(string line, string expected)
    {
        var result = Parse(Config(line));

        var alerts = result.Messages().Where(m => m.StartsWith("[ALERT]", StringComparison.Ordinal));
        Assert.Equal(expected, string.Join("\n", alerts));
    }
}
