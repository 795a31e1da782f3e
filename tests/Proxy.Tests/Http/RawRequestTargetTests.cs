using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Proxy.Http;

namespace Proxy.Tests.Http;

public class RawRequestTargetTests
{
    private static DefaultHttpContext WithRawTarget(string raw)
    {
        var context = new DefaultHttpContext();
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = raw;
        return context;
    }

    [Theory]
    [InlineData("/a%2Fb%20c+d/%7Euser?sig=ab%2Fcd%3D&q=a+b")]
    [InlineData("/a/../b/./c//d")]
    [InlineData("/x?bad=%zz&empty=")]
    [InlineData("//double//slash?a=1#frag")]
    public void Destination_OriginForm_PathAndQueryKeptVerbatim(string raw)
    {
        var uri = RawRequestTarget.Destination(WithRawTarget(raw), "http://127.0.0.1:8080");

        Assert.NotNull(uri);
        Assert.Equal(raw, uri.PathAndQuery);
        Assert.Equal("http://127.0.0.1:8080" + raw, uri.OriginalString);
    }

    [Theory]
    [InlineData("http://other/x")]
    [InlineData("*")]
    [InlineData("")]
    public void Destination_NotOriginForm_LeftToYarp(string raw)
    {
        Assert.Null(RawRequestTarget.Destination(WithRawTarget(raw), "http://127.0.0.1:8080"));
    }
}
