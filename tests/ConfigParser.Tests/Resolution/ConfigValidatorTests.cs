using static ConfigParser.Tests.Support.TestConfig;

namespace ConfigParser.Tests.Resolution;

/// <summary>
/// The checks made once every file parsed cleanly, through the loader. Every expected message list is what
/// `haproxy -c -f t.cfg` printed for the same text.
/// </summary>
public sealed class ConfigValidatorTests
{
    private const string FatalErrors = "[ALERT] Fatal errors found in configuration.";

    private const string MissingTimeoutsAdvice =
        "\n   | While not properly invalid, you will certainly encounter various problems" +
        "\n   | with such a configuration. To fix this, please ensure that all following" +
        "\n   | timeouts are set to a non-zero value: 'client', 'connect', 'server'.";

    private static readonly string[] Timeouts = ["defaults", "  timeout connect 5s", "  timeout client 5s", "  timeout server 5s"];

    private static ParseResult WithTimeouts(params string[] lines) => Parse(Lines([.. Timeouts, .. lines]));

    [Fact]
    public void Validate_DefaultBackendNotFound_IsFatalWithoutLocation()
    {
        var result = WithTimeouts("frontend fe", "  bind :8080", "  default_backend nope", "backend be", "  server s1 127.0.0.1:80");

        Assert.Equal(["[ALERT] Proxy 'fe': unable to find required default_backend: 'nope'.", FatalErrors], result.Messages());
        Assert.Null(result.Diagnostics[0].Location);
    }

    [Fact]
    public void Validate_DefaultBackendNamingAFrontend_IsNotFound()
    {
        var result = WithTimeouts("frontend fe", "  bind :8080", "  default_backend fe");

        Assert.Equal(["[ALERT] Proxy 'fe': unable to find required default_backend: 'fe'.", FatalErrors], result.Messages());
    }

    [Fact]
    public void Validate_ListenUsingItselfAsDefaultBackend_IsALoop()
    {
        var result = WithTimeouts("listen li", "  bind :8080", "  default_backend li");

        Assert.Equal(["[ALERT] Proxy 'li': loop detected for default_backend: 'li'.", FatalErrors], result.Messages());
    }

    [Fact]
    public void Validate_DefaultBackendIgnoredInABackend_IsStillCheckedForLoops()
    {
        var result = WithTimeouts("backend be", "  default_backend be", "  server s1 127.0.0.1:80");

        Assert.Equal(
        [
            "[WARNING] parsing [t.cfg:6] : 'default_backend' ignored because backend 'be' has no frontend capability.",
            "[ALERT] Proxy 'be': loop detected for default_backend: 'be'.",
            FatalErrors,
        ], result.Messages());
    }

    [Fact]
    public void Validate_HttpFrontendToTcpBackend_IsIncompatible()
    {
        var result = WithTimeouts("frontend fe", "  mode http", "  bind :8080", "  default_backend be", "backend be", "  server s1 127.0.0.1:80");

        Assert.Equal(
        [
            "[ALERT] http frontend 'fe' (t.cfg:5) tries to use incompatible tcp backend 'be' (t.cfg:9) as its default backend (see 'mode').",
            FatalErrors,
        ], result.Messages());
    }

    [Fact]
    public void Validate_HttpListenToTcpBackend_NamesItAProxy()
    {
        var result = WithTimeouts("listen li", "  mode http", "  bind :8080", "  default_backend be", "backend be", "  server s1 127.0.0.1:80");

        Assert.Equal(
        [
            "[ALERT] http proxy 'li' (t.cfg:5) tries to use incompatible tcp backend 'be' (t.cfg:9) as its default backend (see 'mode').",
            FatalErrors,
        ], result.Messages());
    }

    [Fact]
    public void Validate_TcpFrontendToHttpBackend_IsAllowed()
    {
        var result = WithTimeouts("frontend fe", "  bind :8080", "  default_backend be", "backend be", "  mode http", "  server s1 127.0.0.1:80");

        Assert.Empty(result.Messages());
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_ServersBehindADefaultBackend_AreNeverUsed()
    {
        var result = WithTimeouts("listen li", "  bind :8080", "  server s1 127.0.0.1:80", "  default_backend be", "backend be", "  server s1 127.0.0.1:80");

        Assert.Equal(
            ["[WARNING] In proxy 'li', the 'default_backend' rule always has precedence over the servers, which will never be used."],
            result.Messages());
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_FrontendWithoutBind_Warns()
    {
        var result = WithTimeouts("frontend fe", "  default_backend be", "backend be", "  server s1 127.0.0.1:80");

        Assert.Equal(["[WARNING] frontend 'fe' has no 'bind' directive. Please declare it as a backend if this was intended."], result.Messages());
    }

    [Fact]
    public void Validate_MissingTimeouts_WarnsOncePerProxyWithHaproxysAdvice()
    {
        var result = Parse(Lines("frontend fe", "  bind :8080", "  default_backend be", "backend be", "  server s1 127.0.0.1:80"));

        Assert.Equal(
        [
            $"[WARNING] missing timeouts for frontend 'fe'.{MissingTimeoutsAdvice}",
            $"[WARNING] missing timeouts for backend 'be'.{MissingTimeoutsAdvice}",
        ], result.Messages());
        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("listen li\n  bind :80\n  timeout client 5s\n")]
    [InlineData("frontend fe\n  bind :8080\n  timeout client 5s\n  default_backend be\nbackend be\n")]
    public void Validate_BackendSideWithoutServers_NeedsNoTimeouts(string text)
    {
        Assert.Empty(Parse(text).Messages());
    }

    [Fact]
    public void Validate_DuplicateServerNames_CiteTheFirstLine()
    {
        var result = WithTimeouts("backend be", "  server s1 127.0.0.1:80", "  server s1 127.0.0.1:81");

        Assert.Equal(
        [
            "[ALERT] parsing [t.cfg:7] : backend 'be', another server named 's1' was already defined at line 6, please use distinct names.",
            FatalErrors,
        ], result.Messages());
    }

    [Fact]
    public void Validate_HttpRequestRulesInTcpMode_AreIgnoredWithAWarning()
    {
        var result = WithTimeouts("frontend fe", "  bind :8080", "  http-request return", "backend be", "  http-request return status 200");

        Assert.Equal(
        [
            "[WARNING] 'http-request' rules ignored for frontend 'fe' as they require HTTP mode.",
            "[WARNING] 'http-request' rules ignored for backend 'be' as they require HTTP mode.",
        ], result.Messages());
    }

    [Fact]
    public void Validate_SeveralProblemsInOneProxy_ComeInHaproxysOrder()
    {
        // Per proxy: bind, default_backend, timeouts, duplicate servers, http-request mode; proxies in file order.
        var result = Parse(Lines(
            "listen li",
            "  http-request return status 200",
            "  server s1 127.0.0.1:80",
            "  server s1 127.0.0.1:81",
            "  default_backend li",
            "frontend fe",
            "  default_backend li"));

        Assert.Equal(
        [
            "[WARNING] proxy 'li' has no 'bind' directive. Please declare it as a backend if this was intended.",
            "[ALERT] Proxy 'li': loop detected for default_backend: 'li'.",
            $"[WARNING] missing timeouts for proxy 'li'.{MissingTimeoutsAdvice}",
            "[ALERT] parsing [t.cfg:4] : proxy 'li', another server named 's1' was already defined at line 3, please use distinct names.",
            "[WARNING] 'http-request' rules ignored for proxy 'li' as they require HTTP mode.",
            "[WARNING] frontend 'fe' has no 'bind' directive. Please declare it as a backend if this was intended.",
            $"[WARNING] missing timeouts for frontend 'fe'.{MissingTimeoutsAdvice}",
            FatalErrors,
        ], result.Messages());
    }

    [Fact]
    public void Validate_AfterAParseError_DoesNotRun()
    {
        var result = WithTimeouts("frontend fe", "  bind :8080", "  default_backend nope", "  foo");

        Assert.Equal(
        [
            "[ALERT] parsing [t.cfg:8] : unknown keyword 'foo' in 'frontend' section",
            "[ALERT] Error(s) found in configuration file : t.cfg",
            FatalErrors,
        ], result.Messages());
    }

    [Fact]
    public void Validate_AfterAnAlertThatIsNotFatal_StillRuns()
    {
        var result = Parse(Lines("global", "  maxconn 1", "  maxconn 2", "frontend fe", "  bind :8080", "  timeout client 5s", "  default_backend nope"));

        Assert.Equal(
        [
            "[ALERT] parsing [t.cfg:3] : 'maxconn' already specified. Continuing.",
            "[ALERT] Proxy 'fe': unable to find required default_backend: 'nope'.",
            FatalErrors,
        ], result.Messages());
    }
}
