using static ConfigParser.Tests.Support.TestConfig;

namespace ConfigParser.Tests.Keywords;

/// <summary>
/// Keywords HAProxy 2.6 accepts that this proxy does not run yet: the file stays valid (as with `haproxy -c`) and a
/// warning names the directive, with its second word for multi-word directives.
/// </summary>
public sealed class UnimplementedKeywordTests
{
    private static ParseResult InFrontend(string line) => Parse(Lines(
        "defaults", "  mode http", "  timeout client 5s", "  timeout connect 5s", "  timeout server 5s",
        "frontend fe", "  bind :8080", "  " + line, "  default_backend be", "backend be", "  server s1 127.0.0.1:80"));

    [Theory]
    [InlineData("option http-buffer-request", "'option http-buffer-request'")]
    [InlineData("http-request tarpit", "'http-request tarpit'")]
    [InlineData("stats uri /stats", "'stats uri'")]
    [InlineData("tcp-request content accept", "'tcp-request content'")]
    [InlineData("fullconn 1000", "'fullconn'")]
    [InlineData("compression algo gzip", "'compression algo'")]
    [InlineData("http-response redirect location /x", "'http-response redirect'")]
    public void Parse_AcceptedButUnimplemented_WarnsAndStaysValid(string line, string name)
    {
        var result = InFrontend(line);

        Assert.True(result.IsValid);
        Assert.Contains($"[WARNING] parsing [t.cfg:8] : {name} is not implemented by this proxy yet; it is ignored.", result.Messages());
    }

    [Fact]
    public void Parse_ProgramWithoutMasterWorker_IsFatalAfterParsing()
    {
        // haproxy 2.6.12: "[ALERT] config : Can't use a 'program' section without master worker mode."
        var result = Parse(Lines("program p", "  command /bin/true", "defaults", "  timeout client 5s", "frontend fe", "  bind :8080"));

        Assert.False(result.IsValid);
        Assert.Equal(
            ["[ALERT] Can't use a 'program' section without master worker mode.", "[ALERT] Fatal errors found in configuration."],
            result.Messages().Where(m => m.StartsWith("[ALERT]", StringComparison.Ordinal)));
    }

    [Fact]
    public void Parse_NoLog_ClearsInheritedLogTargets()
    {
        var result = Parse(Lines("defaults", "  log 127.0.0.1 local0", "  timeout client 5s", "frontend fe", "  bind :8080", "  no log"));

        Assert.True(result.IsValid);
        Assert.Empty(Assert.Single(result.Config!.Frontends).Logs);
    }

    [Fact]
    public void Parse_StatsLines_AreTypedOnTheBackendSide()
    {
        var result = Parse(Lines("defaults", "  mode http", "  timeout client 5s", "  timeout connect 5s", "  timeout server 5s",
            "listen stats", "  bind :8404", "  stats enable", "  stats uri /stats", "  stats realm Admin", "  stats auth a:b", "  stats refresh 10s",
            "  stats hide-version"));

        var stats = Assert.Single(result.Config!.Backends).Stats;
        Assert.Equal((true, "/stats", "Admin", "a:b", TimeSpan.FromSeconds(10), true),
            (stats.Enabled, stats.Uri, stats.Realm, Assert.Single(stats.Accounts), stats.Refresh!.Value, stats.HideVersion));
    }

    [Fact]
    public void Parse_ConditionalReturn_IsTypedWithItsCondition()
    {
        var result = InFrontend("http-request return status 503 if TRUE");

        Assert.True(result.IsValid);
        Assert.DoesNotContain(result.Messages(), m => m.Contains("not implemented", StringComparison.Ordinal));
        var frontend = Assert.Single(result.Config!.Frontends);
        Assert.NotNull(Assert.IsType<Model.HttpReturnRule>(Assert.Single(frontend.HttpRequestRules)).Condition);
    }
}
