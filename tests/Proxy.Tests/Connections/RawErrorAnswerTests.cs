using System.Text;
using Proxy.Connections;

namespace Proxy.Tests.Connections;

/// <summary>The bytes haproxy 2.6.12 sent to a malformed and to an incomplete request head (captured with a raw socket).</summary>
public sealed class RawErrorAnswerTests
{
    [Fact]
    public void BadRequest_SameBytesAsHaproxy()
    {
        const string Haproxy = "HTTP/1.1 400 Bad request\r\nContent-length: 90\r\nCache-Control: no-cache\r\nConnection: close\r\nContent-Type: text/html\r\n\r\n" +
            "<html><body><h1>400 Bad request</h1>\nYour browser sent an invalid request.\n</body></html>\n";

        Assert.Equal(Haproxy, Encoding.ASCII.GetString(RawErrorAnswer.BadRequest));
    }

    [Fact]
    public void RequestTimeout_SameBytesAsHaproxy()
    {
        const string Haproxy = "HTTP/1.1 408 Request Time-out\r\nContent-length: 110\r\nCache-Control: no-cache\r\nConnection: close\r\nContent-Type: text/html\r\n\r\n" +
            "<html><body><h1>408 Request Time-out</h1>\nYour browser didn't send a complete request in time.\n</body></html>\n";

        Assert.Equal(Haproxy, Encoding.ASCII.GetString(RawErrorAnswer.RequestTimeout));
    }

    [Theory]
    [InlineData(400, 400)]
    [InlineData(408, 408)]
    [InlineData(431, 400)]
    [InlineData(414, 400)]
    public void For_Status_TimeoutOrBadRequest(int status, int expected)
    {
        Assert.StartsWith($"HTTP/1.1 {expected} ", Encoding.ASCII.GetString(RawErrorAnswer.For(status)));
    }
}
