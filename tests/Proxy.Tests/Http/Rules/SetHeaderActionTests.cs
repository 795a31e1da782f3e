using Proxy.Http;
using Proxy.Http.Rules;
using static Proxy.Tests.Http.Conditions.ConditionTestRequests;
using static Proxy.Tests.Http.Rules.RuleTestSupport;

namespace Proxy.Tests.Http.Rules;

public class SetHeaderActionTests
{
    [Fact]
    public async Task ApplyAsync_Set_ReplacesEveryLineAndGoesLast()
    {
        var context = Request(target: "/p", headers: "X-A: 1|X-B: 2|X-A: 3");

        var outcome = await new SetHeaderAction("x-a", Format("v%[path]"), add: false, response: false).ApplyAsync(context);

        Assert.Equal(RuleOutcome.Continue, outcome);
        Assert.Equal("X-B: 2|x-a: v/p", Describe(context.Request.Headers));
    }

    [Fact]
    public async Task ApplyAsync_Add_AppendsAnotherLine()
    {
        var context = Request(headers: "X-A: 1");

        await new SetHeaderAction("X-A", Format("2"), add: true, response: false).ApplyAsync(context);

        Assert.Equal("1|2", string.Join("|", (IEnumerable<string?>)context.Request.Headers["X-A"]));
    }

    [Fact]
    public async Task ApplyAsync_Response_ChangesTheResponseOnly()
    {
        var context = Request(headers: "X-A: req");

        await new SetHeaderAction("X-A", Format("res"), add: false, response: true).ApplyAsync(context);

        Assert.Equal(("req", "res"), (context.Request.Headers["X-A"].ToString(), context.Response.Headers["X-A"].ToString()));
    }
}
