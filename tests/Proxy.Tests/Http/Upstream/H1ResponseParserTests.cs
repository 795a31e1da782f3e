using System.Text;
using Proxy.Http.Upstream;

namespace Proxy.Tests.Http.Upstream;

public class H1ResponseParserTests
{
    private static (H1ParseResult Result, H1ResponseHead Head) Parse(string text)
    {
        var head = new H1ResponseHead();
        return (H1ResponseParser.TryParse(Encoding.Latin1.GetBytes(text), head), head);
    }

    [Theory]
    // status, minor version, content length, chunked, close
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 200, 1, 2L, false, false)]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", 200, 1, -1L, true, false)]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\nContent-Length: 9\r\n\r\n", 200, 1, -1L, true, false)]
    [InlineData("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n", 204, 1, -1L, false, true)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", 200, 0, 0L, false, true)]
    [InlineData("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n", 200, 0, 0L, false, false)]
    [InlineData("HTTP/1.1 200 OK\nContent-Length: 2\n\nok", 200, 1, 2L, false, false)]
    [InlineData("HTTP/1.1 999 Weird\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n", 999, 1, 2L, false, false)]
    [InlineData("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n", 100, 1, -1L, false, false)]
    public void TryParse_ValidHead_Framing(string text, int status, int minor, long length, bool chunked, bool close)
    {
        var (result, head) = Parse(text);

        Assert.Equal(H1ParseResult.Complete, result);
        Assert.Equal((status, minor, length, chunked, close), (head.Status, head.MinorVersion, head.ContentLength, head.Chunked, head.Close));
    }

    [Fact]
    public void TryParse_Headers_OffsetsNameValueAndKind()
    {
        var text = "HTTP/1.1 201 Made It\r\nX-Up: A \r\nx-up:b\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n";
        var (result, head) = Parse(text);
        var bytes = Encoding.Latin1.GetBytes(text);

        Assert.Equal(H1ParseResult.Complete, result);
        Assert.Equal("Made It", Encoding.Latin1.GetString(bytes, head.ReasonStart, head.ReasonLength));
        Assert.Equal(text.Length, head.Length);
        var lines = head.Headers.ToArray().Select(h => (Encoding.Latin1.GetString(bytes, h.NameStart, h.NameLength),
            Encoding.Latin1.GetString(bytes, h.ValueStart, h.ValueLength), h.Kind));
        Assert.Equal(
            [("X-Up", "A", H1HeaderKind.Other), ("x-up", "b", H1HeaderKind.Other), ("Connection", "keep-alive", H1HeaderKind.HopByHop),
                ("Content-Length", "0", H1HeaderKind.ContentLength)],
            lines);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n")]
    [InlineData("HTTP/1.1 200")]
    [InlineData("HTT")]
    [InlineData("")]
    public void TryParse_Partial_Incomplete(string text) => Assert.Equal(H1ParseResult.Incomplete, Parse(text).Result);

    [Theory]
    [InlineData("HTTX/1.1 200 OK\r\n\r\n")]
    [InlineData("garbage\r\n\r\n")]
    [InlineData("garbage")]
    [InlineData("HTTP/2.0 200 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 20 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 2000 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 099 Low\r\n\r\n")]
    [InlineData("HTTP/1.1 abc OK\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nNoColon\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\n folded: x\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\n: empty name\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nX: a\rb\r\n\r\n")]
    public void TryParse_Malformed_Invalid(string text) => Assert.Equal(H1ParseResult.Invalid, Parse(text).Result);

    [Theory]
    [InlineData(15300, "Complete")]
    [InlineData(16500, "TooLarge")]
    public void TryParse_LargeHeader_RefusedBeyondHaproxysBuffer(int size, string expected)
        => Assert.Equal(Enum.Parse<H1ParseResult>(expected), Parse("HTTP/1.1 200 OK\r\nX-Big: " + new string('a', size) + "\r\n\r\n").Result);

    [Fact]
    public void TryParse_NoEndWithinLimit_TooLarge()
        => Assert.Equal(H1ParseResult.TooLarge, Parse("HTTP/1.1 200 OK\r\nX-Big: " + new string('a', 20000)).Result);
}
