using System.Text;
using Proxy.Connections;

namespace Proxy.Tests.Connections;

public sealed class KestrelAnswerTests
{
    [Theory]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\nDate: Sun, 22 Nov 2026 07:32:39 GMT\r\n\r\n", 400)]
    [InlineData("HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\nConnection: close\r\nDate: Sun, 22 Nov 2026 07:32:44 GMT\r\n\r\n", 408)]
    [InlineData("HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\nConnection: close\r\nDate: Sun, 22 Nov 2026 07:32:44 GMT\r\n\r\n", 431)]
    public void StatusOf_KestrelsOwnRefusal_ItsStatus(string bytes, int expected)
    {
        Assert.Equal(expected, KestrelAnswer.StatusOf(Encoding.ASCII.GetBytes(bytes)));
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("HTTP/1.1 400 Bad request\r\nContent-length: 90\r\nConnection: close\r\n\r\n<html>")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\nmore")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n")]
    [InlineData("HTTP/1.1 4x0 Bad Request\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("\0\0\u0006\u0004\0\0\0\0\0")]
    [InlineData("")]
    public void StatusOf_AnythingElse_Zero(string bytes)
    {
        Assert.Equal(0, KestrelAnswer.StatusOf(Encoding.Latin1.GetBytes(bytes)));
    }
}
