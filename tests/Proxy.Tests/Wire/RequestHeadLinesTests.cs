using System.Text;
using Proxy.Wire;

namespace Proxy.Tests.Wire;

public class RequestHeadLinesTests
{
    [Theory]
    [InlineData("GET / HTTP/1.1\r\nhost: a\r\nX-B: 1\r\nx-b: 2\r\nAccept: */*\r\n\r\n", "GET", "host,X-B,x-b,Accept")]
    [InlineData("POST /p?q HTTP/1.0\r\nContent-Type: t\r\nHost: a\r\n\r\n", "POST", "Content-Type,Host")]
    [InlineData("GET / HTTP/1.1\r\n\r\n", "GET", "")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\n\r\n", "PUT", "")]
    [InlineData("GETX / HTTP/1.1\r\nHost: a\r\n\r\n", "GET", "")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nCut", "GET", "Host")]
    [InlineData("", "GET", "")]
    public void MoveNext_Head_NamesInWireOrder(string head, string method, string expected)
    {
        var names = new List<string>();
        foreach (var name in new RequestHeadLines(Encoding.ASCII.GetBytes(head), method))
        {
            names.Add(Encoding.ASCII.GetString(name));
        }

        Assert.Equal(expected, string.Join(',', names));
    }

    [Fact]
    public void Value_BlanksAroundIt_Trimmed()
    {
        var lines = new RequestHeadLines("GET / HTTP/1.1\r\nHost:a\r\nX-A: \t two words \r\nX-E:\r\n\r\n"u8, "GET");
        var values = new List<string>();
        while (lines.MoveNext())
        {
            values.Add(Encoding.ASCII.GetString(lines.Value));
        }

        Assert.Equal(["a", "two words", ""], values);
    }
}
