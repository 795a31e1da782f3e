using static ConfigParser.Tests.Support.TestConfig;

namespace ConfigParser.Tests.Keywords;

/// <summary>
/// Typed `http-request` actions (deny, allow, redirect, header and request-line rewrites, auth, set-var) and their errors. Each case is one line placed in a small valid configuration; the expected alerts (newline-separated, empty
/// when the file is valid) are what `haproxy -c` 2.6.12 printed for the same file.
/// </summary>
public sealed class HttpRequestActionTests
{
    private static string Config(string line) => Lines("defaults", "  mode http", "  timeout client 5s", "  timeout connect 5s", "  timeout server 5s", "frontend fe", "  bind :8080", "  @LINE@", "  default_backend be", "backend be", "  server s1 127.0.0.1:80").Replace("@LINE@", line, StringComparison.Ordinal);

    [Theory]
    [InlineData("http-request deny", "")]
    [InlineData("http-request deny deny_status 429", "")]
    [InlineData("http-request deny deny_status", "[ALERT] parsing [t.cfg:8] : error detected in frontend 'fe' while parsing 'http-request deny' rule : 'status' expects <status_code> as argument.\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("http-request deny deny_status 999", "[ALERT] parsing [t.cfg:8] : error detected in frontend 'fe' while parsing 'http-request deny' rule : Unexpected status code '999'.\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("http-request deny foo", "[ALERT] parsing [t.cfg:8]: 'http-request deny' expects either 'if' or 'unless' followed by a condition but found 'foo'.\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("http-request deny if TRUE", "")]
    [InlineData("http-request allow", "")]
    [InlineData("http-request allow foo", "[ALERT] parsing [t.cfg:8]: 'http-request allow' expects either 'if' or 'unless' followed by a condition but found 'foo'.\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("http-request redirect", "[ALERT] parsing [t.cfg:8] : error detected in frontend 'fe' while parsing 'http-request redirect' rule : redirection type expected ('prefix', 'location', or 'scheme').\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("http-request redirect location", "[ALERT] parsing [t.cfg:8] : error detected in frontend 'fe' while parsing 'http-request redirect' rule : missing argument for 'location'.\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("http-request redirect location /x code 301", "")]
    [InlineData("http-request redirect location /x code 999", "[ALERT] parsing [t.cfg:8] : error detected in frontend 'fe' while parsing 'http-request redirect' rule : 'code': unsupported HTTP code '999' (must be one of 301, 302, 303, 307 or 308).\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("http-request redirect foo /x", "[ALERT] parsing [t.cfg:8] : error detected in frontend 'fe' while parsing 'http-request redirect' rule : expects 'code', 'prefix', 'location', 'scheme', 'set-cookie', 'clear-cookie', 'drop-query', 'ignore-empty' or 'append-slash' (was 'foo').\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("http-request redirect scheme https if !{ ssl_fc }", "")]
    [InlineData("http-request redirect location /x drop-query append-slash code 302 set-cookie A=b", "")]
    [InlineData("http-request set-header", "[ALERT] parsing [t.cfg:8] : error detected in frontend 'fe' while parsing 'http-request set-header' rule : expects exactly 2 arguments.\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("http-request set-header X", "[ALERT] parsing [t.cfg:8] : error detected in frontend 'fe' while parsing 'http-request set-header' rule : expects exactly 2 arguments.\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("http-request set-header X y", "")]
    [InlineData("http-request add-header X y z", "[ALERT] parsing [t.cfg:8]: 'http-request add-header' expects either 'if' or 'unless' followed by a condition but found 'z'.\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("http-request del-header", "[ALERT] parsing [t.cfg:8] : error detected in frontend 'fe' while parsing 'http-request del-header' rule : expects at least 1 argument.\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("http-request del-header X", "")]
    [InlineData("http-request del-header X -m str", "")]
    [InlineData("http-request replace-header X", "[ALERT] parsing [t.cfg:8] : error detected in frontend 'fe' while parsing 'http-request replace-header' rule : expects exactly 3 arguments.\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("http-request replace-header X a b", "")]
    [InlineData("http-request replace-value X a b", "")]
    [InlineData("http-request set-path", "[ALERT] parsing [t.cfg:8] : error detected in frontend 'fe' while parsing 'http-request set-path' rule : expects exactly 1 argument <format>.\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("http-request set-path /x", "")]
    [InlineData("http-request set-query q", "")]
    [InlineData("http-request set-uri /u", "")]
    [InlineData("http-request set-method", "[ALERT] parsing [t.cfg:8] : error detected in frontend 'fe' while parsing 'http-request set-method' rule : expects exactly 1 argument <format>.\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("http-request set-method GET", "")]
    [InlineData("http-request auth", "")]
    [InlineData("http-request auth realm", "[ALERT] parsing [t.cfg:8] : error detected in frontend 'fe' while parsing 'http-request auth' rule : missing realm value.\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("http-request auth realm R", "")]
    [InlineData("http-request set-var(txn.x)", "[ALERT] parsing [t.cfg:8] : error detected in frontend 'fe' while parsing 'http-request set-var(txn.x)' rule : missing fetch method.\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("http-request set-var(txn.x) str(y)", "")]
    [InlineData("http-request set-var(x) str(y)", "[ALERT] parsing [t.cfg:8] : error detected in frontend 'fe' while parsing 'http-request set-var(x)' rule : invalid variable name 'x'. A variable name must be start by its scope. The scope can be 'proc', 'sess', 'txn', 'req', 'res' or 'check'.\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("http-request set-var(txn.x) str(y) if TRUE", "")]
    public void Parse_KeywordLine_ReportsHaproxyAlerts(string line, string expected)
    {
        var result = Parse(Config(line));

        var alerts = result.Messages().Where(m => m.StartsWith("[ALERT]", StringComparison.Ordinal));
        Assert.Equal(expected, string.Join("\n", alerts));
    }
}
