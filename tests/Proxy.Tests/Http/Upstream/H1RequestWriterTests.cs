using System.Text;
using Microsoft.AspNetCore.Http;
using Proxy.Http.Upstream;

namespace Proxy.Tests.Http.Upstream;

public class H1RequestWriterTests
{
    private static string Write(string method, string target, HeaderDictionary headers, H1RequestExtras extras = default)
    {
        using var buffer = new H1WriteBuffer();
        H1RequestWriter.WriteHead(buffer, method, target, headers, extras);
        return Encoding.UTF8.GetString(buffer.Written.Span);
    }

    [Fact]
    public void WriteHead_Headers_HostFirstLowerCasedEachValueItsOwnLine()
    {
        var headers = new HeaderDictionary
        {
            ["X-A"] = new(["1", "2"]),
            ["User-Agent"] = "ua",
            ["Host"] = "example",
            ["x-Mixed"] = "Value  with  spaces",
        };

        Assert.Equal(
            "GET /a%2Fb?x=1 HTTP/1.1\r\nhost: example\r\nx-a: 1\r\nx-a: 2\r\nuser-agent: ua\r\nx-mixed: Value  with  spaces\r\n\r\n",
            Write("GET", "/a%2Fb?x=1", headers));
    }

    [Fact]
    public void WriteHead_RawHead_ClientOrderConnectionTokensDroppedExtrasLast()
    {
        var headers = new HeaderDictionary
        {
            ["Host"] = "example",
            ["X-A"] = new(["1", "2"]),
            ["User-Agent"] = "ua",
            ["Connection"] = "keep-alive",
        };
        var raw = "GET /r HTTP/1.1\r\nX-A: 1\r\nUser-Agent: ua\r\nConnection: keep-alive\r\nHost: example\r\nX-A: 2\r\n\r\n"u8;
        using var buffer = new H1WriteBuffer();

        H1RequestWriter.WriteHead(buffer, "GET", "/r", headers, new H1RequestExtras("x-forwarded-for", "192.0.2.1"), raw);

        Assert.Equal(
            "GET /r HTTP/1.1\r\nx-a: 1\r\nuser-agent: ua\r\nhost: example\r\nx-a: 2\r\nx-forwarded-for: 192.0.2.1\r\n\r\n",
            Encoding.UTF8.GetString(buffer.Written.Span));
    }

    [Theory]
    [InlineData("keep-alive", "")]
    [InlineData("close", "")]
    [InlineData("keep-alive, X-Hop", "connection: X-Hop\r\n")]
    [InlineData("Upgrade ,Close, te", "connection: Upgrade,te\r\n")]
    public void WriteHead_Connection_ClientConnectionTokensDropped(string connection, string expected)
    {
        var headers = new HeaderDictionary { ["Host"] = "h", ["Connection"] = connection };

        Assert.Equal($"GET / HTTP/1.1\r\nhost: h\r\n{expected}\r\n", Write("GET", "/", headers));
    }

    [Fact]
    public void WriteHead_BodylessWithContentType_NothingAdded()
    {
        var headers = new HeaderDictionary { ["Host"] = "h", ["Content-Type"] = "text/plain" };

        Assert.Equal("DELETE /x HTTP/1.1\r\nhost: h\r\ncontent-type: text/plain\r\n\r\n", Write("DELETE", "/x", headers));
    }

    [Fact]
    public void WriteHead_Extras_ForwardedForThenOriginalToThenClose()
    {
        var headers = new HeaderDictionary { ["Host"] = "h", ["Connection"] = "keep-alive, x-hop", ["Expect"] = "100-continue" };
        var extras = new H1RequestExtras("X-Forwarded-For", "10.0.0.1", "X-Original-To", "10.0.0.2", Close: true);

        Assert.Equal(
            "PUT /o HTTP/1.1\r\nhost: h\r\nexpect: 100-continue\r\nx-forwarded-for: 10.0.0.1\r\nx-original-to: 10.0.0.2\r\nconnection: close\r\n\r\n",
            Write("PUT", "/o", headers, extras));
    }

    [Fact]
    public void WriteHead_NoHost_NoHostLine()
        => Assert.Equal("GET / HTTP/1.1\r\nx: 1\r\n\r\n", Write("GET", "/", new HeaderDictionary { ["X"] = "1" }));

    [Fact]
    public void WriteHead_LongValue_BufferGrows()
    {
        var value = new string('v', 10000);

        Assert.Equal($"GET / HTTP/1.1\r\nx: {value}\r\n\r\n", Write("GET", "/", new HeaderDictionary { ["X"] = value }));
    }

    [Theory]
    [InlineData("/a b", "v")]
    [InlineData("/a\r\nX: y", "v")]
    [InlineData("/", "v\r\nX-Injected: 1")]
    [InlineData("/", "v\n")]
    public void WriteHead_LineBreakInTargetOrValue_Refused(string target, string value)
        => Assert.Throws<InvalidDataException>(() => Write("GET", target, new HeaderDictionary { ["X"] = value }));
}
