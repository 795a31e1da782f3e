using static ConfigParser.Tests.Support.TestConfig;

namespace ConfigParser.Tests.Sections;

/// <summary>`retries`, `retry-on` and a proxy's `maxconn`; every message is what `haproxy -c` 2.6.12 printed.</summary>
public sealed class ProxyKeywordsRetriesTests
{
    private const string ErrorsInFile = "[ALERT] Error(s) found in configuration file : t.cfg";
    private const string FatalErrors = "[ALERT] Fatal errors found in configuration.";

    private static ParseResult InBackend(string line) =>
        Parse(Lines("defaults", "  timeout connect 5s", "  timeout server 5s", "backend be", "  server s1 127.0.0.1:80", "  " + line));

    private static ParseResult InFrontend(string line) => Parse(Lines("defaults", "  timeout client 5s", "frontend fe", "  bind :80", "  " + line));

    [Theory]
    [InlineData("retries 5", 5)]
    [InlineData("retries x", 0)]
    [InlineData("retries 0", 0)]
    public void Retries_InBackend_IsReadWithAtol(string line, int expected)
    {
        Assert.Equal(expected, InBackend(line).Config!.Backends.Single().Retries);
    }

    [Fact]
    public void Retries_Unset_IsThree()
    {
        Assert.Equal(3, InBackend("mode http").Config!.Backends.Single().Retries);
    }

    [Fact]
    public void Retries_FromDefaults_IsInherited()
    {
        var result = Parse(Lines("defaults", "  retries 1", "  retry-on empty-response", "backend be", "  server s1 127.0.0.1:80"));

        var backend = result.Config!.Backends.Single();
        Assert.Equal(1, backend.Retries);
        Assert.Equal(["empty-response"], backend.RetryOn);
    }

    [Fact]
    public void Retries_InFrontend_IsIgnoredWithAWarning()
    {
        Assert.Equal(["[WARNING] parsing [t.cfg:5] : 'retries' ignored because frontend 'fe' has no backend capability."], InFrontend("retries 5").Messages());
    }

    [Fact]
    public void Retries_ExtraArgument_IsAnAlert()
    {
        Assert.Equal(["[ALERT] parsing [t.cfg:6] : 'retries' cannot handle unexpected argument '3'.", ErrorsInFile, FatalErrors],
            InBackend("retries 2 3").Messages());
    }

    [Theory]
    [InlineData("retry-on foo", "'retry-on': unknown keyword 'foo'")]
    [InlineData("retry-on 200", "'retry-on': unknown keyword '200'")]
    [InlineData("retry-on 503 none", "'retry-on' 'none' keyworld only usable alone")]
    public void RetryOn_BadKeyword_IsAnAlert(string line, string expected)
    {
        Assert.Equal([$"[ALERT] parsing [t.cfg:6] : {expected}", ErrorsInFile, FatalErrors], InBackend(line).Messages());
    }

    [Fact]
    public void RetryOn_InFrontend_IsAnAlert()
    {
        Assert.Equal(["[ALERT] parsing [t.cfg:5] : 'retry-on' only available in backend or listen section", ErrorsInFile, FatalErrors],
            InFrontend("retry-on 503").Messages());
    }

    [Fact]
    public void RetryOn_Unset_IsConnFailure()
    {
        Assert.Equal(["conn-failure"], InBackend("mode http").Config!.Backends.Single().RetryOn);
    }

    [Fact]
    public void MaxConn_InFrontend_IsKept()
    {
        Assert.Equal(100, InFrontend("maxconn 100").Config!.Frontends.Single().MaxConn);
    }

    [Fact]
    public void MaxConn_InBackend_SuggestsFullconn()
    {
        Assert.Equal(["[WARNING] parsing [t.cfg:6] : 'maxconn' ignored because backend 'be' has no frontend capability. Maybe you want 'fullconn' instead ?"],
            InBackend("maxconn 5").Messages());
    }
}
