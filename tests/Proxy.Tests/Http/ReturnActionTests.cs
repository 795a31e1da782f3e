using System.Text;
using ConfigParser.Model;
using Microsoft.AspNetCore.Http;
using Proxy.Http;

namespace Proxy.Tests.Http;

public class ReturnActionTests
{
    [Fact]
    public async Task ApplyAsync_StringBody_WritesStatusTypeLengthAndBody()
    {
        var action = new ReturnAction(new HttpReturnRule(TestModel.At, 201, "text/plain", "héllo\n"));
        var body = new MemoryStream();
        var context = new DefaultHttpContext { Response = { Body = body } };

        Assert.Equal(RuleOutcome.Responded, await action.ApplyAsync(context));

        Assert.Equal(201, context.Response.StatusCode);
        Assert.Equal("text/plain", context.Response.ContentType);
        Assert.Equal(7, context.Response.ContentLength);
        Assert.Equal("héllo\n", Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public async Task ApplyAsync_HeadRequest_SendsLengthButNoBody()
    {
        var action = new ReturnAction(new HttpReturnRule(TestModel.At, 200, "text/plain", "abc"));
        var body = new MemoryStream();
        var context = new DefaultHttpContext { Request = { Method = "HEAD" }, Response = { Body = body } };

        await action.ApplyAsync(context);

        Assert.Equal(3, context.Response.ContentLength);
        Assert.Equal(0, body.Length);
    }

    [Fact]
    public async Task ApplyAsync_NoBody_SendsEmptyResponseWithoutContentType()
    {
        var action = new ReturnAction(new HttpReturnRule(TestModel.At, 404, null, null));
        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };

        await action.ApplyAsync(context);

        Assert.Equal(404, context.Response.StatusCode);
        Assert.Equal(0, context.Response.ContentLength);
        Assert.Null(context.Response.ContentType);
    }
}
