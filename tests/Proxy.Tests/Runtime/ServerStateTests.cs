using ConfigParser.Model;
using Proxy.Runtime;

namespace Proxy.Tests.Runtime;

public class ServerStateTests
{
    [Theory]
    [InlineData("127.0.0.1", 8081, "http://127.0.0.1:8081")]
    [InlineData("::1", 8081, "http://[::1]:8081")]
    [InlineData("backend.example", 80, "http://backend.example:80")]
    public void DestinationPrefix_WithPort_FormatsHostAndPort(string host, int port, string expected)
    {
        var server = new ServerState(new ServerDefinition(TestModel.At, "s", host, port, 1), 0);

        Assert.Equal(expected, server.DestinationPrefix(clientLocalPort: 9999));
    }

    [Fact]
    public void DestinationPrefix_WithoutPort_UsesThePortTheClientConnectedTo()
    {
        var server = new ServerState(new ServerDefinition(TestModel.At, "s", "127.0.0.1", null, 1), 0);

        Assert.Equal("http://127.0.0.1:8443", server.DestinationPrefix(clientLocalPort: 8443));
    }
}
