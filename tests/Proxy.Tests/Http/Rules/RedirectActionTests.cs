using ConfigParser.Model;
using Proxy.Http;
using Proxy.Http.Rules;
using static Proxy.Tests.Http.Conditions.ConditionTestRequests;
using static Proxy.Tests.Http.Rules.RuleTestSupport;

namespace Proxy.Tests.Http.Rules;

public class RedirectActionTests
{
    // Locations from haproxy 2.6.12 for the same rules and requests.
    [Theory]
    [InlineData("scheme", "https", "", "/rs?a=1", "h:81", "https://h:81/rs?a=1")]
    [InlineData("scheme", "https", "", "/rs?a=1", "", "https:///rs?a=1")]
    [InlineData("prefix", "/p", "", "/rp/x?y=1", "h", "/p/rp/x?y=1")]
    [InlineData("prefix", "/", "", "/rp/x?y=1", "h", "/rp/x?y=1")]
    [InlineData("prefix", "/pp", "append-slash|drop-query", "/ra/x?y", "h", "/pp/ra/x/")]
    [InlineData("location", "/loc?x=1", "drop-query", "/rl/x?y", "h", "/loc?x=1")]
    public async Task ApplyAsync_Kind_BuildsHaproxysLocation(string kind, string target, string options, string request, string host, string location)
    {
        var context = Request(target: request, headers: host.Length > 0 ? $"Host: {host}" : "");
        var rule = new HttpRedirectRule(TestModel.At, kind, target, 302, options.Split('|', StringSplitOptions.RemoveEmptyEntries));

        var outcome = await new RedirectAction(rule, Format(target)).ApplyAsync(context);

        Assert.Equal(RuleOutcome.Responded, outcome);
        Assert.Equal((302, location, "no-cache", 0L), (context.Response.StatusCode, context.Response.Headers.Location.ToString(),
            context.Response.Headers.CacheControl.ToString(), context.Response.ContentLength));
    }

    [Theory]
    [InlineData(301, "")]
    [InlineData(308, "")]
    [InlineData(303, "no-cache")]
    [InlineData(307, "no-cache")]
    public async Task ApplyAsync_PermanentCodes_HaveNoCacheControl(int code, string cacheControl)
    {
        var context = Request();

        await new RedirectAction(new HttpRedirectRule(TestModel.At, "location", "/x", code, []), Format("/x")).ApplyAsync(context);

        Assert.Equal((code, cacheControl), (context.Response.StatusCode, context.Response.Headers.CacheControl.ToString()));
    }

    [Theory]
    [InlineData("set-cookie|SESS=1", "SESS=1; path=/;")]
    [InlineData("clear-cookie|SESS", "SESS; path=/; Max-Age=0;")]
    public async Task ApplyAsync_Cookie_AddsHaproxysSetCookie(string options, string expected)
    {
        var context = Request();

        await new RedirectAction(new HttpRedirectRule(TestModel.At, "location", "/c", 302, options.Split('|')), Format("/c")).ApplyAsync(context);

        Assert.Equal(expected, context.Response.Headers.SetCookie.ToString());
    }

    [Fact]
    public async Task ApplyAsync_IgnoreEmptyWithEmptyTarget_GoesOn()
    {
        var context = Request();
        var rule = new HttpRedirectRule(TestModel.At, "location", "%[hdr(x-none)]", 302, ["ignore-empty"]);

        var outcome = await new RedirectAction(rule, Format(rule.Target)).ApplyAsync(context);

        Assert.Equal((RuleOutcome.Continue, 200), (outcome, context.Response.StatusCode));
    }
}
