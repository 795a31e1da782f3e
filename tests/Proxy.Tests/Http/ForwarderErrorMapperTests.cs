using System.Net.Sockets;
using Proxy.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Proxy.Tests.Http;

public class ForwarderErrorMapperTests
{
    [Fact]
    public void Map_ConnectionRefused_Returns503WithSC()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused));

        Assert.Equal(new ForwardOutcome(503, "SC"), ForwarderErrorMapper.Map(ForwarderError.Request, refused));
    }

    [Fact]
    public void Map_ConnectTimeout_Returns503WithLowercaseS()
    {
        var timeout = new TaskCanceledException("connect", new TimeoutException());

        Assert.Equal(new ForwardOutcome(503, "sC"), ForwarderErrorMapper.Map(ForwarderError.Request, timeout));
    }

    [Fact]
    public void Map_ServerClosedBeforeHeaders_Returns502WithSH()
    {
        var closed = new HttpRequestException(HttpRequestError.ResponseEnded, "ended");

        Assert.Equal(new ForwardOutcome(502, "SH"), ForwarderErrorMapper.Map(ForwarderError.Request, closed));
    }

    [Theory]
    [InlineData(ForwarderError.RequestTimedOut, 504, "sH")]
    [InlineData(ForwarderError.NoAvailableDestinations, 503, "SC")]
    [InlineData(ForwarderError.RequestBodyDestination, 502, "SD")]
    [InlineData(ForwarderError.RequestCanceled, null, "CH")]
    [InlineData(ForwarderError.RequestBodyClient, null, "CD")]
    [InlineData(ForwarderError.ResponseBodyDestination, null, "SD")]
    public void Map_OtherErrors_FollowHaproxysTable(ForwarderError error, int? status, string termination)
    {
        Assert.Equal(new ForwardOutcome(status, termination), ForwarderErrorMapper.Map(error, null));
    }
}
