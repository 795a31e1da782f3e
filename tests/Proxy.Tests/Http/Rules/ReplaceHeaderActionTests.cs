using System.Text.RegularExpressions;
using Proxy.Http.Rules;
using static Proxy.Tests.Http.Conditions.ConditionTestRequests;
using static Proxy.Tests.Http.Rules.RuleTestSupport;

namespace Proxy.Tests.Http.Rules;

public class ReplaceHeaderActionTests
{
    // Expected values from haproxy 2.6.12 with the same rules.
    [Theory]
    [InlineData("a1, a2", "^a(.*)$", "b\\1", false, "b1, a2")]
    [InlineData("xxay", "a(.)", "<\\1>", false, "<y>")]
    [InlineData("zz", "^a", "b", false, "zz")]
    [InlineData("a1, x2, a2,c3", "^a(.*)$", "b\\1", true, "b1, x2,b2,c3")]
    [InlineData("x1, x2", "^a(.*)$", "b\\1", true, "x1, x2")]
    public async Task ApplyAsync_Regex_ReplacesLineOrValues(string value, string pattern, string replacement, bool perValue, string expected)
    {
        var context = Request(headers: $"X-R: {value}");

        await new ReplaceHeaderAction("X-R", new Regex(pattern), Format(replacement), perValue, response: false).ApplyAsync(context);

        Assert.Equal(expected, context.Request.Headers["X-R"].ToString());
    }

    [Fact]
    public async Task ApplyAsync_SeveralLines_EachReplaced()
    {
        var context = Request(headers: "X-R: a1|X-R: b2|X-R: a3");

        await new ReplaceHeaderAction("x-r", new Regex("^a"), Format("z"), perValue: false, response: false).ApplyAsync(context);

        Assert.Equal("z|b2|z", string.Join("|", (IEnumerable<string?>)context.Request.Headers["X-R"]));
    }
}
