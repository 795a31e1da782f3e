using ConfigParser.Model;
using static ConfigParser.Tests.Support.TestConfig;

namespace ConfigParser.Tests.Sections;

/// <summary>The proxy-level `redirect` keyword; messages from `haproxy -c` (2.6.12) with the same lines.</summary>
public sealed class ProxyKeywordsRedirectTests
{
    private static ParseResult InFrontend(string line) => Parse(Lines("defaults", " mode http", "frontend fe", " bind :8080", " " + line));

    [Fact]
    public void Parse_Redirect_TypedWithOptionsAndCondition()
    {
        var result = InFrontend("redirect prefix /p code 301 drop-query if { path_beg /old }");

        Assert.DoesNotContain(result.Messages(), m => m.StartsWith("[ALERT]", StringComparison.Ordinal) || m.Contains("not implemented", StringComparison.Ordinal));
        var rule = Assert.Single(Assert.Single(result.Config!.Frontends).RedirectRules);
        Assert.Equal(("prefix", "/p", 301, "drop-query"), (rule.Kind, rule.Target, rule.Code, string.Join(",", rule.Options)));
        Assert.NotNull(rule.Condition);
    }

    [Theory]
    [InlineData("redirect foo",
        "error detected in frontend 'fe' while parsing redirect rule : expects 'code', 'prefix', 'location', 'scheme', 'set-cookie', 'clear-cookie', 'drop-query', 'ignore-empty' or 'append-slash' (was 'foo').")]
    [InlineData("redirect location", "error detected in frontend 'fe' while parsing redirect rule : missing argument for 'location'.")]
    [InlineData("redirect scheme https code 399",
        "error detected in frontend 'fe' while parsing redirect rule : 'code': unsupported HTTP code '399' (must be one of 301, 302, 303, 307 or 308).")]
    [InlineData("redirect scheme https if { path /x } foo", "error detected in frontend 'fe' while parsing redirect rule : error in condition: no such ACL : 'foo'.")]
    public void Parse_BadRedirect_ReportsHaproxyMessage(string line, string expected)
    {
        var result = InFrontend(line);

        Assert.False(result.IsValid);
        Assert.Contains($"[ALERT] parsing [t.cfg:5] : {expected}", result.Messages());
    }
}
