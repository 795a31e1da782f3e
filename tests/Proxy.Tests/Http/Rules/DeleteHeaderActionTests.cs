using Proxy.Http.Rules;
using static Proxy.Tests.Http.Conditions.ConditionTestRequests;
using static Proxy.Tests.Http.Rules.RuleTestSupport;

namespace Proxy.Tests.Http.Rules;

public class DeleteHeaderActionTests
{
    [Theory]
    [InlineData("x-priv", "str", "X-Private: 2|A-X-Priv: 3|Other: 4")]
    [InlineData("x-priv", "beg", "A-X-Priv: 3|Other: 4")]
    [InlineData("-PRIV", "end", "X-Private: 2|Other: 4")]
    [InlineData("priv", "sub", "Other: 4")]
    [InlineData("^x-p.*e$", "reg", "X-Priv: 1|A-X-Priv: 3|Other: 4")]
    public async Task ApplyAsync_MatchMethod_RemovesMatchingNamesIgnoringCase(string name, string method, string left)
    {
        var context = Request(headers: "X-Priv: 1|X-Private: 2|A-X-Priv: 3|Other: 4");

        await new DeleteHeaderAction(name, method, response: false).ApplyAsync(context);

        Assert.Equal(left, Describe(context.Request.Headers));
    }

    [Fact]
    public async Task ApplyAsync_AfterRemoval_NextAddedHeaderComesLast()
    {
        var context = Request(headers: "X-A: 1|X-B: 2|X-C: 3");

        await new DeleteHeaderAction("X-A", "str", response: false).ApplyAsync(context);
        context.Request.Headers["X-D"] = "4";

        Assert.Equal("X-B: 2|X-C: 3|X-D: 4", Describe(context.Request.Headers));
    }
}
