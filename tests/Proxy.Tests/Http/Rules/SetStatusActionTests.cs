using Microsoft.AspNetCore.Http.Features;
using Proxy.Http.Rules;
using static Proxy.Tests.Http.Conditions.ConditionTestRequests;
using static Proxy.Tests.Http.Rules.RuleTestSupport;

namespace Proxy.Tests.Http.Rules;

public class SetStatusActionTests
{
    [Theory]
    [InlineData(202, "Yo", "Yo")]
    [InlineData(503, null, null)]
    public async Task ApplyAsync_StatusAndReason_Replaced(int status, string? reason, string? expected)
    {
        var context = Request();

        await new SetStatusAction(status, reason is null ? null : Format(reason)).ApplyAsync(context);

        Assert.Equal((status, expected), (context.Response.StatusCode, context.Features.Get<IHttpResponseFeature>()!.ReasonPhrase));
    }
}
