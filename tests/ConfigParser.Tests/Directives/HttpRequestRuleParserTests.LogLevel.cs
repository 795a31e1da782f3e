using ConfigParser.Model;
using ConfigParser.Tests.Support;

namespace ConfigParser.Tests.Directives;

/// <summary>`http-request set-log-level`; the message is the one `haproxy -c` printed for the same lines.</summary>
public sealed partial class HttpRequestRuleParserTests
{
    [Theory]
    [InlineData("http-request set-log-level emerg", 0)]
    [InlineData("http-request set-log-level notice", 5)]
    [InlineData("http-request set-log-level debug", 7)]
    [InlineData("http-request set-log-level silent", null)]
    public void Parse_SetLogLevel_TypedLevel(string line, int? level)
    {
        var (rule, diagnostics) = Parse(line);

        Assert.Equal(level, Assert.IsType<HttpSetLogLevelRule>(rule).Level);
        Assert.Empty(diagnostics.Messages());
    }

    [Theory]
    [InlineData("http-request set-log-level bogus")]
    [InlineData("http-request set-log-level")]
    public void Parse_SetLogLevelUnknown_ReportsHaproxyMessageAndAborts(string line)
    {
        var (rule, diagnostics) = Parse(line);

        Assert.Null(rule);
        Assert.Equal(
            ["[ALERT] parsing [t.cfg:8] : error detected in frontend 'fe' while parsing 'http-request set-log-level' rule : expects exactly 1 argument (log level name or 'silent')."],
            diagnostics.Messages());
        Assert.True(diagnostics.HasAbort);
    }
}
