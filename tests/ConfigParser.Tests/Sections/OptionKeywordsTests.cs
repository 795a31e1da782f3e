using ConfigParser.Model;
using static ConfigParser.Tests.Support.TestConfig;

namespace ConfigParser.Tests.Sections;

/// <summary>`option …` lines become one typed record per option family; errors are in the keyword catalog tests.</summary>
public sealed class OptionKeywordsTests
{
    private static IReadOnlyList<ProxyOption> OptionsOf(params string[] lines)
    {
        var result = Parse(Lines([
            "defaults", "  mode http", "  timeout client 5s", "  timeout connect 5s", "  timeout server 5s",
            "backend be", "  server s1 127.0.0.1:80", .. lines.Select(l => "  " + l)]));
        Assert.True(result.IsValid);
        return Assert.Single(result.Config!.Backends).Options;
    }

    [Fact]
    public void Parse_ForwardFor_IsTyped()
    {
        var option = Assert.IsType<ForwardForOption>(Assert.Single(OptionsOf("option forwardfor except 127.0.0.0/8 header X-Client if-none")));

        Assert.Equal(("forwardfor", "127.0.0.0/8", "X-Client", true), (option.Name, option.Except, option.Header, option.IfNone));
    }

    [Theory]
    [InlineData("option httpchk", "OPTIONS", "/", null)]
    [InlineData("option httpchk /health", "OPTIONS", "/health", null)]
    [InlineData("option httpchk GET /health", "GET", "/health", null)]
    [InlineData("option httpchk GET /health HTTP/1.1", "GET", "/health", "HTTP/1.1")]
    public void Parse_HttpCheck_IsTyped(string line, string method, string uri, string? version)
    {
        var option = Assert.IsType<HttpCheckOption>(Assert.Single(OptionsOf(line)));

        Assert.Equal((method, uri, version), (option.Method, option.Uri, option.Version));
    }

    [Theory]
    [InlineData("option redispatch", true, -1)]
    [InlineData("option redispatch 3", true, 3)]
    [InlineData("no option redispatch", false, -1)]
    public void Parse_Redispatch_IsTyped(string line, bool enabled, int interval)
    {
        var option = Assert.IsType<RedispatchOption>(Assert.Single(OptionsOf(line)));

        Assert.Equal((enabled, interval), (option.Enabled, option.Interval));
    }

    [Theory]
    [InlineData("option httplog", "httplog", false)]
    [InlineData("option httplog clf", "httplog", true)]
    [InlineData("option tcplog", "tcplog", false)]
    public void Parse_LogFormatOptions_AreTyped(string line, string name, bool clf)
    {
        var option = Assert.IsType<HttpLogOption>(Assert.Single(OptionsOf(line)));

        Assert.Equal((name, clf), (option.Name, option.CommonLogFormat));
    }

    [Fact]
    public void Parse_BooleanOptions_KeepTheLastLinePerOption()
    {
        var options = OptionsOf("option abortonclose", "option allbackups", "no option abortonclose");

        Assert.Equal([("allbackups", true), ("abortonclose", false)], options.Select(o => (o.Name, o.Enabled)));
    }
}
