using ConfigParser.Tests.Support;

namespace ConfigParser.Tests.Sections;

/// <summary>The logging keywords typed for the access log: log-format, log-tag, log-send-hostname.</summary>
public sealed class LoggingKeywordsTests
{
    [Fact]
    public void Parse_LogFormatInDefaults_InheritedByFrontendWithItsLine()
    {
        var result = TestConfig.Parse(TestConfig.Lines(
            "defaults",
            "  mode http",
            "  log-format \"%ci %b/%s\"",
            "frontend fe",
            "  bind :80",
            "  log-tag web"));

        var frontend = Assert.Single(result.Config!.Frontends);
        Assert.Equal("%ci %b/%s", frontend.LogFormat!.Text);
        Assert.Equal(3, frontend.LogFormat.Location.Line);
        Assert.Equal("web", frontend.LogTag);
    }

    [Fact]
    public void Parse_GlobalLogSendHostnameAndTag_Recorded()
    {
        var result = TestConfig.Parse(TestConfig.Lines(
            "global",
            "  log-send-hostname lb1",
            "  log-tag edge",
            "  log 127.0.0.1:514 local0"));

        Assert.Equal("lb1", result.Config!.Global.LogSendHostname);
        Assert.Equal("edge", result.Config.Global.LogTag);
        Assert.Single(result.Config.Global.Logs);
    }

    [Fact]
    public void Parse_LogSendHostnameWithoutName_EmptyMeansMachineName()
    {
        var result = TestConfig.Parse(TestConfig.Lines("global", "  log-send-hostname"));

        Assert.Equal("", result.Config!.Global.LogSendHostname);
    }

    [Fact]
    public void Parse_LoggingDirectives_NoLongerWarnUnimplemented()
    {
        var result = TestConfig.Parse(TestConfig.Lines(
            "global",
            "  log /dev/log local0",
            "defaults",
            "  mode http",
            "  log global",
            "  option httplog",
            "  option dontlognull",
            "frontend fe",
            "  bind :80",
            "  capture request header Host len 20"));

        Assert.DoesNotContain(result.Messages(), m => m.Contains("not implemented", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_CaptureCookie_StillWarnsUnimplemented()
    {
        var result = TestConfig.Parse(TestConfig.Lines("frontend fe", "  bind :80", "  capture cookie SID len 20"));

        Assert.Contains(result.Messages(), m => m.Contains("'capture cookie' is not implemented", StringComparison.Ordinal));
    }
}
