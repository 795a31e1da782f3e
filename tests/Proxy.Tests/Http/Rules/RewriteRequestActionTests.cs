using Microsoft.AspNetCore.Http;
using Proxy.Http.Conditions;
using Proxy.Http.Rules;
using static Proxy.Tests.Http.Conditions.ConditionTestRequests;
using static Proxy.Tests.Http.Rules.RuleTestSupport;

namespace Proxy.Tests.Http.Rules;

public class RewriteRequestActionTests
{
    // Expected targets from haproxy 2.6.12 with the same rules.
    [Theory]
    [InlineData("set-path", "/np%[path]", "/sp/x?q=1", "/np/sp/x?q=1")]
    [InlineData("set-path", "/np%[path]", "/sp/x", "/np/sp/x")]
    [InlineData("set-query", "q=%[query]", "/sq/x?q=1", "/sq/x?q=q=1")]
    [InlineData("set-query", "q=%[query]", "/sq/x", "/sq/x?q=")]
    [InlineData("set-uri", "/u?%[query]", "/su/x?q=1", "/u?q=1")]
    public async Task ApplyAsync_Target_RewrittenAndSeenByLaterFetches(string action, string format, string target, string expected)
    {
        var context = Request(target: target);

        await new RewriteRequestAction(action, Format(format)).ApplyAsync(context);

        Assert.Equal(expected, RequestTarget.Url(context));
        Assert.Equal(expected, RequestLineRewriter.Rewritten(context));
        Assert.Equal(expected, context.Request.Path + context.Request.QueryString.ToString());
    }

    [Fact]
    public async Task ApplyAsync_SetMethod_ChangesMethodOnly()
    {
        var context = Request(target: "/x");

        await new RewriteRequestAction("set-method", Format("PUT")).ApplyAsync(context);

        Assert.Equal((HttpMethods.Put, null), (context.Request.Method, RequestLineRewriter.Rewritten(context)));
    }
}
