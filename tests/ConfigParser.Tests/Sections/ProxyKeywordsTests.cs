using ConfigParser.Diagnostics;
using static ConfigParser.Tests.Support.TestConfig;

namespace ConfigParser.Tests.Sections;

/// <summary>
/// The proxy keyword table, one keyword line at a time in a small frontend, backend or defaults section.
/// Every expected message is what `haproxy -c` printed for the same file.
/// </summary>
public sealed class ProxyKeywordsTests
{
    private const string ErrorsInFile = "[ALERT] Error(s) found in configuration file : t.cfg";
    private const string FatalErrors = "[ALERT] Fatal errors found in configuration.";

    // The keyword line under test is line 5 of this file.
    private static ParseResult InFrontend(string line) => Parse(Lines("defaults", "  timeout client 5s", "frontend fe", "  bind :80", "  " + line));

    // The keyword line under test is line 6 of this file.
    private static ParseResult InBackend(string line) =>
        Parse(Lines("defaults", "  timeout connect 5s", "  timeout server 5s", "backend be", "  server s1 127.0.0.1:80", "  " + line));

    // The keyword line under test is line 2 of this file.
    private static ParseResult InDefaults(string line) => Parse(Lines("defaults", "  " + line));

    [Theory]
    [InlineData("mode", "unknown proxy mode ''.")]
    [InlineData("mode bogus", "unknown proxy mode 'bogus'.")]
    [InlineData("mode http x", "'mode' cannot handle unexpected argument 'x'.")]
    [InlineData("mode health", "'mode health' doesn't exist anymore. Please use 'http-request return status 200' instead.")]
    [InlineData("mode health x", "'mode' cannot handle unexpected argument 'x'.")]
    [InlineData("default_backend", "'default_backend' expects a backend name.")]
    [InlineData("default_backend be extra", "'default_backend' cannot handle unexpected argument 'extra'.")]
    [InlineData("timeout", "'timeout' supports 'client', 'server', 'connect', 'check', 'queue', 'http-keep-alive', 'http-request', 'tunnel', 'tarpit', 'client-fin' and 'server-fin' (got '')")]
    [InlineData("timeout bogus 5s", "'timeout' supports 'client', 'server', 'connect', 'check', 'queue', 'http-keep-alive', 'http-request', 'tunnel', 'tarpit', 'client-fin' and 'server-fin' (got 'bogus')")]
    [InlineData("timeout clitimeout 5s", "the 'clitimeout' directive is not supported anymore since HAProxy 2.1. Use 'timeout client'.")]
    [InlineData("timeout srvtimeout 5s", "the 'srvtimeout' directive is not supported anymore since HAProxy 2.1. Use 'timeout server'.")]
    [InlineData("timeout contimeout 5s", "the 'contimeout' directive is not supported anymore since HAProxy 2.1. Use 'timeout connect'.")]
    [InlineData("timeout client", "'timeout client' expects an integer value (in milliseconds)")]
    [InlineData("timeout client 5x", "unexpected character 'x' in 'timeout client'")]
    [InlineData("timeout client -1", "unexpected character '-' in 'timeout client'")]
    [InlineData("timeout client 1.5s", "unexpected character '.' in 'timeout client'")]
    [InlineData("timeout client 5 s", "'timeout client' : unexpected extra argument 's' after value '5'.")]
    [InlineData("timeout client 5s extra", "'timeout client' : unexpected extra argument 'extra' after value '5s'.")]
    [InlineData("timeout client 2147483648", "timer overflow in argument '2147483648' to 'timeout client' (maximum value is 2147483647 ms or ~24.8 days)")]
    [InlineData("timeout client 25d", "timer overflow in argument '25d' to 'timeout client' (maximum value is 2147483647 ms or ~24.8 days)")]
    [InlineData("timeout client 2305843009213693952s", "timer underflow in argument '2305843009213693952s' to 'timeout client' (minimum non-null value is 1 ms)")]
    [InlineData("timeout server 5x", "unexpected character 'x' in 'timeout server'")]
    [InlineData("timeout server 5s extra", "'timeout server' : unexpected extra argument 'extra' after value '5s'.")]
    public void Table_BadLineInFrontend_IsAnAlert(string line, string expected)
    {
        Assert.Equal([$"[ALERT] parsing [t.cfg:5] : {expected}", ErrorsInFile, FatalErrors], InFrontend(line).Messages());
    }

    [Theory]
    [InlineData("balance roundrobin", "'balance' ignored because frontend 'fe' has no backend capability.")]
    [InlineData("timeout server 5s", "'timeout server' will be ignored because frontend 'fe' has no backend capability")]
    [InlineData("timeout check 5s", "'timeout check' will be ignored because frontend 'fe' has no backend capability")]
    public void Table_BackendOnlyKeywordInFrontend_IsIgnoredWithAWarning(string line, string expected)
    {
        var result = InFrontend(line);

        Assert.Equal([$"[WARNING] parsing [t.cfg:5] : {expected}"], result.Messages());
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Balance_BadAlgorithmInFrontend_WarnsThenStillReportsTheError()
    {
        Assert.Equal(
        [
            "[WARNING] parsing [t.cfg:5] : 'balance' ignored because frontend 'fe' has no backend capability.",
            "[ALERT] parsing [t.cfg:5] : balance only supports 'roundrobin', 'static-rr', 'leastconn', 'source', 'uri', 'url_param', 'hdr(name)' and 'rdp-cookie(name)' options.",
            ErrorsInFile,
            FatalErrors,
        ], InFrontend("balance bogus").Messages());
    }

    [Fact]
    public void Server_InFrontend_IsAFatalCapabilityError()
    {
        Assert.Equal(
            ["[ALERT] [t.cfg:5] : parsing [t.cfg:5] : 'server' not allowed because frontend 'fe' has no backend capability.", ErrorsInFile, FatalErrors],
            InFrontend("server s1 127.0.0.1:80").Messages());
    }

    [Theory]
    [InlineData("mode http")]
    [InlineData("timeout client 5s")]
    [InlineData("timeout client 6s")]
    [InlineData("timeout http-request 5s")]
    [InlineData("timeout http-keep-alive 5s")]
    [InlineData("maxconn 100")]
    public void Table_ValidLineInFrontend_SaysNothing(string line)
    {
        var result = InFrontend(line);

        Assert.Empty(result.Messages());
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Timeout_CharactersAfterTheUnit_WarnWithoutLocationAndKeepTheValue()
    {
        var result = InFrontend("timeout client 5sx");

        Assert.Equal(
        [
            "[WARNING] unexpected character 'x' after the timer value '5sx', only (us=microseconds,ms=milliseconds,s=seconds,m=minutes,h=hours,d=days) are supported. This will be reported as an error in next versions.",
        ], result.Messages());
        Assert.Equal(TimeSpan.FromSeconds(5), result.Config!.Frontends.Single().Timeouts.Client);
    }

    [Fact]
    public void Timeout_Zero_MeansNoTimeout()
    {
        var result = InFrontend("timeout client 0");

        Assert.Null(result.Config!.Frontends.Single().Timeouts.Client);
        Assert.StartsWith("[WARNING] missing timeouts for frontend 'fe'.", Assert.Single(result.Messages()));
    }

    [Fact]
    public void Timeout_SetTwiceWithoutDefaults_WarnsAboutOverwriting()
    {
        var result = Parse(Lines("frontend fe", "  bind :80", "  timeout client 5s", "  timeout client 6s"));

        Assert.Equal(["[WARNING] parsing [t.cfg:4] : overwriting 'timeout client' which was already specified"], result.Messages());
        Assert.Equal(TimeSpan.FromSeconds(6), result.Config!.Frontends.Single().Timeouts.Client);
    }

    [Fact]
    public void Timeout_DifferentFromDefaultsSetTwice_WarnsOnlyTheSecondTime()
    {
        var result = InFrontend("timeout client 1us\n  timeout client 1us");

        Assert.Equal(["[WARNING] parsing [t.cfg:6] : overwriting 'timeout client' which was already specified"], result.Messages());
        Assert.Equal(TimeSpan.FromMilliseconds(1), result.Config!.Frontends.Single().Timeouts.Client);
    }

    [Theory]
    [InlineData("timeout tarpit 5s")]
    [InlineData("timeout client-fin 5s")]
    public void Timeout_NotImplementedYet_IsAWarningNotASilentNoop(string line)
    {
        // HAProxy takes these silently; this proxy says it ignores them (its own wording, hence no exact text).
        var result = InFrontend(line);

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(new SourceLocation("t.cfg", 5), warning.Location);
        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("bind :abc", "'bind' : invalid character 'a' in port number 'abc' in ':abc'", "bind")]
    [InlineData("bind :80 extra", "'bind :80' in section 'backend': unknown keyword 'extra'.", "bind")]
    [InlineData("default_backend", "'default_backend' expects a backend name.", "default_backend")]
    [InlineData("default_backend a b", "'default_backend' cannot handle unexpected argument 'b'.", "default_backend")]
    public void Table_FrontendOnlyKeywordWithAnErrorInBackend_WarnsThenReportsTheError(string line, string expected, string keyword)
    {
        Assert.Equal(
        [
            $"[WARNING] parsing [t.cfg:6] : '{keyword}' ignored because backend 'be' has no frontend capability.",
            $"[ALERT] parsing [t.cfg:6] : {expected}",
            ErrorsInFile,
            FatalErrors,
        ], InBackend(line).Messages());
    }

    [Theory]
    [InlineData("bind :80", "'bind' ignored because backend 'be' has no frontend capability.")]
    [InlineData("timeout client 5s", "'timeout client' will be ignored because backend 'be' has no frontend capability")]
    [InlineData("timeout client-fin 5s", "'timeout client-fin' will be ignored because backend 'be' has no frontend capability")]
    public void Table_FrontendOnlyKeywordInBackend_IsIgnoredWithAWarning(string line, string expected)
    {
        var result = InBackend(line);

        Assert.Equal([$"[WARNING] parsing [t.cfg:6] : {expected}"], result.Messages());
        Assert.Empty(result.Config!.Frontends);
    }

    [Theory]
    [InlineData("timeout connect 6s")]
    [InlineData("timeout queue 6s")]
    [InlineData("retries 5")]
    [InlineData("retry-on conn-failure 503 all-retryable-errors")]
    [InlineData("retry-on none")]
    [InlineData("balance")]
    [InlineData("balance roundrobin x")]
    [InlineData("mode tcp")]
    public void Table_ValidLineInBackend_SaysNothing(string line)
    {
        Assert.Empty(InBackend(line).Messages());
    }

    [Fact]
    public void Balance_UnknownAlgorithm_IsAnAlert()
    {
        Assert.Equal(
        [
            "[ALERT] parsing [t.cfg:6] : balance only supports 'roundrobin', 'static-rr', 'leastconn', 'source', 'uri', 'url_param', 'hdr(name)' and 'rdp-cookie(name)' options.",
            ErrorsInFile,
            FatalErrors,
        ], InBackend("balance bogus").Messages());
    }

    [Fact]
    public void Balance_Arguments_AreKept()
    {
        var balance = InBackend("balance roundrobin x").Config!.Backends.Single().Balance;

        Assert.Equal("roundrobin", balance.Algorithm);
        Assert.Equal(["x"], balance.Arguments);
        Assert.Equal(new SourceLocation("t.cfg", 6), balance.Location);
    }

    [Theory]
    [InlineData("bind :80", "[ALERT] parsing [t.cfg:2] : 'bind' not allowed in 'defaults' section.")]
    [InlineData("server s1 127.0.0.1:80", "[ALERT] [t.cfg:2] : 'server' not allowed in 'defaults' section.")]
    [InlineData("http-request return", "[ALERT] parsing [t.cfg:2] : 'http-request' not allowed in anonymous 'defaults' section.")]
    public void Table_ProxyOnlyKeywordInDefaults_IsAnAlert(string line, string expected)
    {
        Assert.Equal([expected, ErrorsInFile, FatalErrors], InDefaults(line).Messages());
    }

    [Theory]
    [InlineData("default_backend be")]
    [InlineData("balance roundrobin")]
    [InlineData("timeout client 5s\n  timeout client 5s")]
    [InlineData("timeout client 5s\n  timeout client 6s")]
    public void Table_KeywordForBothSidesInDefaults_IsAcceptedWithoutOverwritingWarnings(string line)
    {
        Assert.Empty(InDefaults(line).Messages());
    }

    [Fact]
    public void Table_UnknownKeyword_SuggestsTheClosestOne()
    {
        var result = InBackend("balanse roundrobin");

        Assert.Equal(
            ["[ALERT] parsing [t.cfg:6] : unknown keyword 'balanse' in 'backend' section; did you mean 'balance' maybe ?", ErrorsInFile, FatalErrors],
            result.Messages());
    }

    [Fact]
    public void HttpCheck_RunVerbs_AreTypedInOrderWithoutWarnings()
    {
        var result = InBackend("option httpchk GET /h");
        var backendLines = Parse(Lines("defaults", "  timeout connect 5s", "  timeout server 5s", "  timeout check 2s", "  http-check send-state",
            "backend be", "  option httpchk GET /h", "  http-check send meth GET uri /x hdr Host a", "  http-check expect ! status 500",
            "  server s1 127.0.0.1:80 check"));

        Assert.Empty(result.Messages());
        Assert.Empty(backendLines.Messages());
        var backend = backendLines.Config!.Backends[0];
        Assert.Equal(["send-state", "send", "expect"], backend.HttpChecks.Select(h => h.Verb));
        Assert.Equal(["!", "status", "500"], backend.HttpChecks[2].Arguments);
        Assert.Equal(TimeSpan.FromSeconds(2), backend.Timeouts.Check);
    }

    [Fact]
    public void HttpCheck_VerbNotRun_IsKeptWithANotImplementedWarning()
    {
        var result = InBackend("http-check connect port 81");

        Assert.Equal(["[WARNING] parsing [t.cfg:6] : 'http-check connect' is not implemented by this proxy yet; it is ignored."], result.Messages());
        Assert.Equal("connect", Assert.Single(result.Config!.Backends[0].HttpChecks).Verb);
    }

    [Fact]
    public void TcpCheck_RunVerbs_AreTypedInOrderWithoutWarnings()
    {
        var result = Parse(Lines("defaults", "  timeout connect 5s", "  timeout server 5s", "  tcp-check comment first",
            "backend be", "  option tcp-check", "  tcp-check send PING\\r\\n", "  tcp-check expect string +PONG", "  server s1 127.0.0.1:80 check"));

        Assert.Empty(result.Messages());
        var backend = result.Config!.Backends[0];
        Assert.Equal(["comment", "send", "expect"], backend.TcpChecks.Select(t => t.Verb));
        Assert.Equal(["PING\r\n"], backend.TcpChecks[1].Arguments);
    }

    [Fact]
    public void TcpCheck_VerbNotRun_IsKeptWithANotImplementedWarning()
    {
        var result = InBackend("tcp-check set-var(check.x) str(a)");

        Assert.Equal(["[WARNING] parsing [t.cfg:6] : 'tcp-check set-var(check.x)' is not implemented by this proxy yet; it is ignored."], result.Messages());
        Assert.Equal("set-var(check.x)", Assert.Single(result.Config!.Backends[0].TcpChecks).Verb);
    }

    [Fact]
    public void LogHealthChecks_Option_IsStored()
        => Assert.True(InBackend("option log-health-checks").Config!.Backends[0].LogHealthChecks);
}
