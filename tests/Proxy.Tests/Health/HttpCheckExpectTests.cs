using System.Text;
using Proxy.Health;

namespace Proxy.Tests.Health;

public class HttpCheckExpectTests
{
    private static HttpCheckResponse Response(string text) => HttpCheckResponse.Parse(Encoding.Latin1.GetBytes(text))!;

    private static readonly HttpCheckResponse Ok = Response("HTTP/1.1 200 OK\r\nX-Foo: 1\r\nContent-Length: 5\r\n\r\nhello");
    private static readonly HttpCheckResponse Unavailable = Response("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 2\r\n\r\nno");
    private static readonly HttpCheckResponse Redirect = Response("HTTP/1.0 302 Found\r\n\r\n");

    private static CheckResult Judge(string expect, HttpCheckResponse response)
        => HttpCheckExpect.Parse(expect.Split(' '))!.Judge(response, TimeSpan.FromMilliseconds(3));

    [Fact]
    public void Default_TwoOrThreeHundred_Passes()
    {
        Assert.Equal(new CheckResult(CheckStatus.L7Ok, 200, null, TimeSpan.Zero), HttpCheckExpect.Default.Judge(Ok, TimeSpan.Zero));
        Assert.Equal(CheckStatus.L7Ok, HttpCheckExpect.Default.Judge(Redirect, TimeSpan.Zero).Status);
    }

    [Fact]
    public void Default_FiveHundred_IsWrongStatusWithReasonAsInfo()
        => Assert.Equal(new CheckResult(CheckStatus.L7Sts, 503, "Service Unavailable", TimeSpan.Zero), HttpCheckExpect.Default.Judge(Unavailable, TimeSpan.Zero));

    [Theory]
    [InlineData("status 200", true)]
    [InlineData("status 201,204", false)]
    [InlineData("status 100-299", true)]
    [InlineData("! status 200", false)]
    [InlineData("rstatus ^2", true)]
    [InlineData("rstatus ^3", false)]
    [InlineData("hdr name X-Foo", true)]
    [InlineData("hdr name X-Bar", false)]
    [InlineData("string hello", true)]
    [InlineData("! string hello", false)]
    [InlineData("rstring h.l+o$", true)]
    [InlineData("min-recv 2 string hello", true)]
    public void Judge_Match_PassesOrFails(string expect, bool passes)
        => Assert.Equal(passes, Judge(expect, Ok).Passed);

    [Fact]
    public void Judge_BodyMismatch_IsInvalidResponseWithoutCode()
        => Assert.Equal(new CheckResult(CheckStatus.L7Rsp, null, "HTTP content check did not match", TimeSpan.FromMilliseconds(3)), Judge("string world", Ok));

    [Fact]
    public void Judge_HeaderMismatch_IsWrongStatus()
        => Assert.Equal(new CheckResult(CheckStatus.L7Sts, 200, "OK", TimeSpan.FromMilliseconds(3)), Judge("hdr name X-Bar", Ok));

    [Fact]
    public void Parse_UnknownMatch_IsNull()
        => Assert.Null(HttpCheckExpect.Parse(["fhdr", "name", "x"]));

    [Fact]
    public void Response_Garbage_IsNotParsed()
        => Assert.Null(HttpCheckResponse.Parse(Encoding.Latin1.GetBytes("garbage\r\n\r\n")));

    [Fact]
    public void IsComplete_ContentLengthReached_IsTrue()
    {
        Assert.True(HttpCheckResponse.IsComplete(Encoding.Latin1.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")));
        Assert.False(HttpCheckResponse.IsComplete(Encoding.Latin1.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok")));
    }
}
