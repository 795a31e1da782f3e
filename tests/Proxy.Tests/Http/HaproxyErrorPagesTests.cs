using System.Text;
using ConfigParser.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
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

    [Theory]
    [InlineData(400)]
    [InlineData(408)]
    public async Task WriteAsync_400And408_CloseTheConnection(int status)
    {
        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };

        await HaproxyErrorPages.WriteAsync(context.Response, status);

        Assert.Equal("close", context.Response.Headers.Connection);
    }

    [Theory]
    [InlineData(407, "Unauthorized")]
    [InlineData(408, "Request Time-out")]
    [InlineData(504, "Gateway Time-out")]
    [InlineData(400, "Bad request")]
    public async Task WriteAsync_BuiltInPage_UsesHaproxysReasonPhrase(int status, string reason)
    {
        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };

        await HaproxyErrorPages.WriteAsync(context.Response, status);

        Assert.Equal(reason, context.Features.Get<IHttpResponseFeature>()!.ReasonPhrase);
    }

    [Fact]
    public async Task WriteAsync_StatusWithoutPage_500BodyUnderItsOwnStatus()
    {
        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };

        await HaproxyErrorPages.WriteAsync(context.Response, 418);

        Assert.Equal(418, context.Response.StatusCode);
        Assert.Equal(HaproxyErrorPages.Body(500).ToArray(), ((MemoryStream)context.Response.Body).ToArray());
    }

    internal static HttpErrorMessage Message(int status, string reason, string body, params (string, string)[] headers)
        => new("HTTP/1.1", status, reason, [.. headers.Select(h => new KeyValuePair<string, string>(h.Item1, h.Item2))], Encoding.ASCII.GetBytes(body));

    [Fact]
    public async Task WriteAsync_FrontendPageConfigured_StatusCallSendsIt()
    {
        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
        ErrorPagesFeature.SetFrontend(context, new FrontendSection
        {
            Name = "fe",
            Location = TestModel.At,
            ErrorMessages = new Dictionary<int, HttpErrorMessage> { [503] = Message(503, "Later", "fe", ("X-Page", "fe"), ("Content-Length", "2")) },
        });

        await HaproxyErrorPages.WriteAsync(context.Response, 503);

        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("Later", context.Features.Get<IHttpResponseFeature>()!.ReasonPhrase);
        Assert.Equal("fe", context.Response.Headers["X-Page"]);
        Assert.Equal(2, context.Response.ContentLength);
        Assert.Equal("fe", Encoding.ASCII.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }

    [Fact]
    public async Task WriteAsync_PageWithoutContentLengthAndWithConnection_GetsBodyLengthAndNoConnection()
    {
        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };

        await HaproxyErrorPages.WriteAsync(context.Response, Message(503, "X", "body!", ("Connection", "close"), ("Content-Type", "text/plain")));

        Assert.Equal(5, context.Response.ContentLength);
        Assert.False(context.Response.Headers.ContainsKey("Connection"));
        Assert.Equal("text/plain", context.Response.Headers.ContentType);
    }

    [Fact]
    public async Task WriteAsync_EmptyErrorfile_AbortsWithoutAnswer()
    {
        var lifetime = new AbortRecorder();
        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
        context.Features.Set<IHttpRequestLifetimeFeature>(lifetime);

        await HaproxyErrorPages.WriteAsync(context.Response, HttpErrorMessage.Empty);

        Assert.True(lifetime.Aborted);
        Assert.Equal(0, context.Response.Body.Length);
    }

    private sealed class AbortRecorder : IHttpRequestLifetimeFeature
    {
        public bool Aborted { get; private set; }

        public CancellationToken RequestAborted { get; set; }

        public void Abort() => Aborted = true;
    }
}
