using System.Text;
using Microsoft.AspNetCore.Http;
using Proxy.Http;
using Proxy.Http.Rules;

namespace Proxy.Tests.Http.Rules;

public class DenyActionTests
{
    [Theory]
    [InlineData(403, "<html><body><h1>403 Forbidden</h1>\nRequest forbidden by administrative rules.\n</body></html>\n")]
    [InlineData(429, "<html><body><h1>429 Too Many Requests</h1>\nYou have sent too many requests in a given amount of time.\n</body></html>\n")]
    public async Task ApplyAsync_Status_WritesHaproxysErrorPage(int status, string page)
    {
        var body = new MemoryStream();
        var context = new DefaultHttpContext { Response = { Body = body } };

        var outcome = await new DenyAction(status).ApplyAsync(context);

        Assert.Equal((RuleOutcome.Responded, status, "no-cache"), (outcome, context.Response.StatusCode, context.Response.Headers.CacheControl.ToString()));
        Assert.Equal(page, Encoding.ASCII.GetString(body.ToArray()));
    }
}
