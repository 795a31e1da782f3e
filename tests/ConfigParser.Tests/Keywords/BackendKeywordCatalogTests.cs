using static ConfigParser.Tests.Support.TestConfig;

namespace ConfigParser.Tests.Keywords;

/// <summary>
/// Keywords of a backend section: balance algorithms, hash-type, server and default-server settings, check options. Each case is one line placed in a small valid configuration; the expected alerts (newline-separated, empty
/// when the file is valid) are what `haproxy -c` 2.6.12 printed for the same file.
/// </summary>
public sealed class BackendKeywordCatalogTests
{
    private static string Config(string line) => Lines("defaults", "  mode http", "  timeout client 5s", "  timeout connect 5s", "  timeout server 5s", "frontend fe", "  bind :8080", "  default_backend be", "backend be", "  server s1 127.0.0.1:80", "  @LINE@").Replace("@LINE@", line, StringComparison.Ordinal);

    [Theory]
    [InlineData("balance", "")]
    [InlineData("balance foo", "[ALERT] parsing [t.cfg:11] : balance only supports 'roundrobin', 'static-rr', 'leastconn', 'source', 'uri', 'url_param', 'hdr(name)' and 'rdp-cookie(name)' options.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("balance roundrobin", "")]
    [InlineData("balance static-rr", "")]
    [InlineData("balance leastconn", "")]
    [InlineData("balance first", "")]
    [InlineData("balance source", "")]
    [InlineData("balance uri", "")]
    [InlineData("balance uri len 3 depth 2 whole path-only", "")]
    [InlineData("balance uri foo", "[ALERT] parsing [t.cfg:11] : balance uri only accepts parameters 'len', 'depth', 'path-only', and 'whole' (got 'foo').\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("balance url_param", "[ALERT] parsing [t.cfg:11] : balance url_param requires an URL parameter name.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("balance url_param userid check_post 64", "")]
    [InlineData("balance hdr", "[ALERT] parsing [t.cfg:11] : balance only supports 'roundrobin', 'static-rr', 'leastconn', 'source', 'uri', 'url_param', 'hdr(name)' and 'rdp-cookie(name)' options.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("balance hdr(Host) use_domain_only", "")]
    [InlineData("balance random", "")]
    [InlineData("balance random(3)", "")]
    [InlineData("balance random()", "")]
    [InlineData("balance random(0)", "[ALERT] parsing [t.cfg:11] : balance random : number of draws must be at least 1.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("balance random(-1)", "[ALERT] parsing [t.cfg:11] : balance random : number of draws must be at least 1.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("balance random(2x)", "[ALERT] parsing [t.cfg:11] : balance random : unexpected character 'x' after argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("balance random(3", "[ALERT] parsing [t.cfg:11] : balance random : missing closing parenthesis.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("balance rdp-cookie", "")]
    [InlineData("balance rdp-cookie(mstshash)", "")]
    [InlineData("balance hash", "[ALERT] parsing [t.cfg:11] : balance hash requires a sample expression.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("balance hash req.hdr(x)", "")]
    [InlineData("hash-type", "[ALERT] parsing [t.cfg:11] : 'hash-type' only supports 'consistent' and 'map-based'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("hash-type foo", "[ALERT] parsing [t.cfg:11] : 'hash-type' only supports 'consistent' and 'map-based'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("hash-type consistent", "")]
    [InlineData("hash-type consistent sdbm avalanche", "")]
    [InlineData("hash-type map-based djb2", "")]
    [InlineData("hash-type consistent foo", "[ALERT] parsing [t.cfg:11] : 'hash-type' only supports 'sdbm', 'djb2', 'crc32', or 'wt6' hash functions.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 check inter 2s fastinter 1s downinter 5s rise 3 fall 2", "")]
    [InlineData("server s2 127.0.0.1:81 inter", "[ALERT] [t.cfg:11] : 'server be/s2' : 'inter' expects a delay as argument..\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 inter x", "[ALERT] [t.cfg:11] : 'server be/s2' : unexpected character 'x' in 'agent-inter' argument of server s2..\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 rise", "[ALERT] [t.cfg:11] : 'server be/s2' : 'rise' expects an integer argument..\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 rise 0", "[ALERT] [t.cfg:11] : 'server be/s2' : 'rise' has to be > 0..\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 port", "[ALERT] [t.cfg:11] : 'server be/s2' : 'port' expects a port number as argument..\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 cookie", "[ALERT] [t.cfg:11] : 'server be/s2' : 'cookie' expects <value> as argument..\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 cookie s2 backup disabled maxconn 10 maxqueue 5 minconn 2 id 7", "")]
    [InlineData("server s2 127.0.0.1:81 id", "[ALERT] [t.cfg:11] : 'server be/s2' : 'id' : expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 id x", "[ALERT] [t.cfg:11] : 'server be/s2' : 'id' : custom id has to be > 0.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 observe foo", "[ALERT] [t.cfg:11] : 'server be/s2' : 'observe' expects one of 'none', 'layer4', 'layer7' but got 'foo'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 observe layer7 error-limit 5 on-error mark-down", "")]
    [InlineData("server s2 127.0.0.1:81 on-error foo", "[ALERT] [t.cfg:11] : 'server be/s2' : 'on-error' expects one of 'fastinter', 'fail-check', 'sudden-death' or 'mark-down' but got 'foo'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 init-addr x", "[ALERT] [t.cfg:11] : 'server be/s2' : 'init-addr' : unknown init-addr method 'x', supported methods are 'libc', 'last', 'none'..\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 init-addr last,libc,none", "")]
    [InlineData("server s2 127.0.0.1:81 track", "[ALERT] [t.cfg:11] : 'server be/s2' : 'track' expects [<proxy>/]<server> as argument..\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 agent-port", "[ALERT] [t.cfg:11] : 'server be/s2' : 'agent-port' expects a port number as argument..\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 agent-check agent-port 9999 agent-inter 5s", "")]
    [InlineData("server s2 127.0.0.1:81 alpn", "[ALERT] [t.cfg:11] : 'server be/s2' : 'alpn' : missing the comma-delimited ALPN protocol suite.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 ssl verify none sni str(x) alpn h2 check-ssl", "")]
    [InlineData("server s2 127.0.0.1:81 send-proxy send-proxy-v2 slowstart 10s", "")]
    [InlineData("server s2 127.0.0.1:81 wieght 3", "[ALERT] [t.cfg:11] : 'server be/s2' : unknown keyword 'wieght'; did you mean 'weight' maybe ?\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 weight 300", "[ALERT] [t.cfg:11] : 'server be/s2' : weight of server s2 is not within 0 and 256 (300)..\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 nonexistent.invalid:81", "[ALERT] [t.cfg:11] : 'server be/s2' : could not resolve address 'nonexistent.invalid'.\n[ALERT] Failed to initialize server(s) addr.")]
    [InlineData("server s2 nonexistent.invalid:81 init-addr none", "")]
    [InlineData("default-server inter 3s fall 2 rise 1", "")]
    [InlineData("default-server wieght 3", "[ALERT] [t.cfg:11] : unknown keyword 'wieght'; did you mean 'weight' maybe ? Hint: no address was expected for this server.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("retries 3", "")]
    [InlineData("option redispatch", "")]
    [InlineData("option redispatch 2", "")]
    [InlineData("option httpchk GET /health HTTP/1.1", "")]
    [InlineData("option httpchk GET / HTTP/1.1 x", "[ALERT] parsing [t.cfg:11] : 'option httpchk' cannot handle unexpected argument 'x'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("option pgsql-check", "[ALERT] parsing [t.cfg:11] : 'option pgsql-check' expects 'user <username>' as argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("option mysql-check user haproxy", "")]
    [InlineData("option allbackups", "")]
    [InlineData("option abortonclose", "")]
    [InlineData("http-check expect status 200", "")]
    [InlineData("stick-table type ip size 1m expire 30s", "")]
    [InlineData("cookie SERVERID insert indirect nocache", "")]
    [InlineData("server s2 127.0.0.1 check", "[ALERT] config: backend 'be': server 's2' has neither service port nor check port.\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1 check port 8080", "")]
    [InlineData("server s2 127.0.0.1:81 agent-check", "[ALERT] [t.cfg:11] : 'server be/s2' : server s2 does not have agent port. Agent check has been disabled.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("timeout check 1s", "")]
    [InlineData("timeout queue 5s", "")]
    [InlineData("timeout tunnel 1h", "")]
    [InlineData("timeout server 10s", "")]
    [InlineData("stick-table", "[ALERT] parsing [t.cfg:11] : stick-table: missing size.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stick-table type ip size", "[ALERT] parsing [t.cfg:11] : stick-table: missing argument after 'size'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stick-table type ip size 1x", "[ALERT] parsing [t.cfg:11] : stick-table: unexpected character 'x' in argument of 'size'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stick-table type foo size 1m", "[ALERT] parsing [t.cfg:11] : stick-table: unknown type 'foo'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stick-table type string len 32 size 100k", "")]
    [InlineData("stick-table type ip size 1g expire x", "[ALERT] parsing [t.cfg:11] : stick-table: unexpected character 'x' in argument of 'expire'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stick-table type ip size 1m foo", "[ALERT] parsing [t.cfg:11] : stick-table: unknown argument 'foo'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stick-table size 1m", "[ALERT] parsing [t.cfg:11] : stick-table: missing type.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("option forwardfor except", "[ALERT] parsing [t.cfg:11] : 'option forwardfor except' expects <address>[/mask] as argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("option forwardfor header", "[ALERT] parsing [t.cfg:11] : 'option forwardfor header' expects <header_name> as argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("option forwardfor foo", "[ALERT] parsing [t.cfg:11] : 'option forwardfor' only supports optional values: 'except', 'header' and 'if-none'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("option originalto foo", "[ALERT] parsing [t.cfg:11] : 'option originalto' only supports optional values: 'except' and 'header'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("option originalto except", "[ALERT] parsing [t.cfg:11] : 'option originalto except' expects <address>[/mask] as argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("option forwardfor if-none", "")]
    [InlineData("hash-type consistent sdbm foo", "[ALERT] parsing [t.cfg:11] : 'hash-type' only supports 'avalanche' as a modifier for hash functions.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("hash-type consistent avalanche", "[ALERT] parsing [t.cfg:11] : 'hash-type' only supports 'sdbm', 'djb2', 'crc32', or 'wt6' hash functions.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("hash-type map-based sdbm avalanche x", "")]
    [InlineData("hash-balance-factor 150", "")]
    [InlineData("hash-balance-factor 0", "")]
    [InlineData("hash-balance-factor 150x", "")]
    [InlineData("hash-balance-factor 100", "[ALERT] parsing [t.cfg:11] : 'hash-balance-factor' must be 0 or greater than 100.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("hash-balance-factor -5", "[ALERT] parsing [t.cfg:11] : 'hash-balance-factor' must be 0 or greater than 100.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("balance hdr(Host) x", "[ALERT] parsing [t.cfg:11] : balance hdr(Host) only accepts 'use_domain_only' modifier (got 'x').\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("balance url_param a b", "[ALERT] parsing [t.cfg:11] : balance url_param only accepts 'check_post' modifier (got 'b').\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("balance hash a b", "[ALERT] parsing [t.cfg:11] : balance hash takes no other argument (got 'b').\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("balance uri len", "[ALERT] parsing [t.cfg:11] : balance uri : 'len' expects a positive integer (got '').\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("balance uri len 0", "[ALERT] parsing [t.cfg:11] : balance uri : 'len' expects a positive integer (got '0').\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("balance uri depth x", "[ALERT] parsing [t.cfg:11] : balance uri : 'depth' expects a positive integer (got 'x').\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("balance hdr()", "[ALERT] parsing [t.cfg:11] : balance hdr requires an http header field name.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 ca-file", "[ALERT] [t.cfg:11] : 'server be/s2' : 'ca-file' : missing CAfile path.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 crt", "[ALERT] [t.cfg:11] : 'server be/s2' : 'crt' : missing certificate file path.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 sni", "[ALERT] [t.cfg:11] : 'server be/s2' : 'sni' : missing sni expression.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 verify", "[ALERT] [t.cfg:11] : 'server be/s2' : 'verify' : missing verify method.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 verify foo", "[ALERT] [t.cfg:11] : 'server be/s2' : 'verify' : unknown verify method 'foo', only 'none' and 'required' are supported.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 ssl-min-ver foo", "[ALERT] [t.cfg:11] : 'server be/s2' : 'foo' : unknown ssl/tls version.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 ssl-max-ver TLSv1.3", "")]
    [InlineData("server s2 127.0.0.1:81 resolve-prefer foo", "[ALERT] [t.cfg:11] : 'server be/s2' : 'resolve-prefer' expects either ipv4 or ipv6 as argument..\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 ws foo", "[ALERT] [t.cfg:11] : 'server be/s2' : 'ws' has to be 'auto', 'h1' or 'h2'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 source", "[ALERT] [t.cfg:11] : 'server be/s2' : 'source' expects <addr>[:<port>[-<port>]], and optionally 'usesrc' <addr>, and 'interface' <name> as argument..\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 on-marked-down", "[ALERT] [t.cfg:11] : 'server be/s2' : 'on-marked-down' expects 'shutdown-sessions' but got ''.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 log-proto", "[ALERT] [t.cfg:11] : 'server be/s2' : 'log-proto' expects one of 'legacy' or 'octet-count' but got ''.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 proxy-v2-options", "[ALERT] [t.cfg:11] : 'server be/s2' : '' : proxy v2 option not implemented.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server s2 127.0.0.1:81 tcp-ut", "[ALERT] [t.cfg:11] : 'server be/s2' : 'tcp-ut' : missing TCP User Timeout value.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    public void Parse_KeywordLine_ReportsHaproxyAlerts(string line, string expected)
    {
        var result = Parse(Config(line));

        var alerts = result.Messages().Where(m => m.StartsWith("[ALERT]", StringComparison.Ordinal));
        Assert.Equal(expected, string.Join("\n", alerts));
    }

    [Theory]
    [InlineData("hash-balance-factor 150", 150)]
    [InlineData("hash-balance-factor 0", 0)]
    [InlineData("balance roundrobin", 0)]
    public void Parse_HashBalanceFactor_KeptOnTheBackend(string line, int expected)
        => Assert.Equal(expected, Parse(Config(line)).Config!.Backends[0].HashBalanceFactor);

    [Fact]
    public void Parse_HashBalanceFactorInDefaults_Inherited()
    {
        var result = Parse(Lines("defaults", "  mode http", "  hash-balance-factor 125", "backend be", "  server s1 127.0.0.1:80"));

        Assert.Equal(125, result.Config!.Backends[0].HashBalanceFactor);
    }

    [Theory]
    [InlineData("hash-type consistent", null, false)]
    [InlineData("hash-type consistent sdbm", "sdbm", false)]
    [InlineData("hash-type map-based djb2 avalanche", "djb2", true)]
    public void Parse_HashType_FunctionOnlyWhenWritten(string line, string? function, bool avalanche)
    {
        var hashType = Parse(Config(line)).Config!.Backends[0].HashType!;

        Assert.Equal((function, avalanche), (hashType.Function, hashType.Avalanche));
    }

    [Theory]
    [InlineData("option allbackups", true)]
    [InlineData("no option allbackups", false)]
    [InlineData("balance roundrobin", false)]
    public void Parse_AllBackups_ReadFromTheOptions(string line, bool expected)
        => Assert.Equal(expected, Parse(Config(line)).Config!.Backends[0].AllBackups);

    [Fact]
    public void Parse_BalanceHash_ExpressionParsedAsASample()
    {
        var balance = Parse(Config("balance hash req.hdr(x-key)")).Config!.Backends[0].Balance;

        Assert.Equal(("req.hdr", "x-key"), (balance.HashSample!.Fetch, balance.HashSample.Arguments[0]));
    }
}
