using Microsoft.AspNetCore.Http;
using Proxy.Http;
using Proxy.Http.Conditions;
using Proxy.Http.Rules;
using static Proxy.Tests.Http.Conditions.ConditionTestRequests;
using static Proxy.Tests.Http.Rules.RuleTestSupport;

namespace Proxy.Tests.Http.Rules;

public class HttpRuleListTests
{
    private static readonly IHttpRequestAction Mark = new SetHeaderAction("X-Mark", Format("1"), add: true, response: false);

    [Fact]
    public async Task RunAsync_FalseCondition_SkipsOnlyThatRule()
    {
        var context = Request();
        var list = new HttpRuleList([(ConstantPredicate.False, Mark), (null, Mark)]);

        Assert.False(await list.RunAsync(context));
        Assert.Equal("1", string.Join("|", (IEnumerable<string?>)context.Request.Headers["X-Mark"]));
    }

    [Fact]
    public async Task RunAsync_Allow_StopsTheListButNotTheRequest()
    {
        var context = Request();
        var list = new HttpRuleList([(null, AllowAction.Instance), (null, Mark)]);

        Assert.False(await list.RunAsync(context));
        Assert.False(context.Request.Headers.ContainsKey("X-Mark"));
    }

    [Fact]
    public async Task RunAsync_Deny_RespondsAndStops()
    {
        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
        var list = new HttpRuleList([(ConstantPredicate.True, new DenyAction(403)), (null, Mark)]);

        Assert.True(await list.RunAsync(context));
        Assert.Equal((403, false), (context.Response.StatusCode, context.Request.Headers.ContainsKey("X-Mark")));
    }
}
