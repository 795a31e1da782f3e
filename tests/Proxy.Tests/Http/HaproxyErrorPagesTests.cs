using System.Text;
using Microsoft.AspNetCore.Http;
using Proxy.Http;

namespace Proxy.Tests.Http;

public class HaproxyErrorPagesTests
{
    [Fact]
    public void Body_503_IsHaproxysPageByteForByte()
    {
        // haproxy 2.6 src/http.c http_err_msgs; 107 bytes, as captured from Debian's haproxy 2.6.12.
        const string expected = "<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n";

        var body = HaproxyErrorPages.Body(503);

        Assert.Equal(107, body.Length);
        Assert.Equal(expected, Encoding.ASCII.GetString(body.Span));
    }

    [Theory]
    [InlineData(502, "<h1>502 Bad Gateway</h1>\nThe server returned an invalid or incomplete response.\n")]
    [InlineData(504, "<h1>504 Gateway Time-out</h1>\nThe server didn't respond in time.\n")]
    [InlineData(408, "<h1>408 Request Time-out</h1>\nYour browser didn't send a complete request in time.\n")]
    public void Body_OtherStatuses_CarryHaproxysWording(int status, string fragment)
    {
        Assert.Contains(fragment, Encoding.ASCII.GetString(HaproxyErrorPages.Body(status).Span));
    }

    [Fact]
    public async Task WriteAsync_503_SetsStatusHeadersAndBody()
    {
        var context = new DefaultHttpContext();
        context.Response.Headers["x-from-backend"] = "stale";
        var body = new MemoryStream();
        context.Response.Body = body;

        await HaproxyErrorPages.WriteAsync(context.Response, 503);

        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("no-cache", context.Response.Headers.CacheControl);
        Assert.Equal("text/html", context.Response.Headers.ContentType);
        Assert.Equal(107, context.Response.ContentLength);
        Assert.False(context.Response.Headers.ContainsKey("x-from-backend"));
        Assert.Equal(HaproxyErrorPages.Body(503).ToArray(), body.ToArray());
    }

    [Fact]
    public async Task WriteAsync_408_ClosesTheConnection()
    {
        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };

        await HaproxyErrorPages.WriteAsync(context.Response, 408);

        Assert.Equal("close", context.Response.Headers.Connection);
    }
}
