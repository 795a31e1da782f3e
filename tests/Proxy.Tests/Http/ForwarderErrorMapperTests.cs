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

        Assert.Equal(new ForwardOutcome(503, "SC", UpstreamFailure.ConnectRefused), ForwarderErrorMapper.Map(ForwarderError.Request, refused));
    }

    [Fact]
    public void Map_ConnectorTimeoutInsideAConnectionError_Returns503WithLowercaseS()
    {
        var timeout = new HttpRequestException(HttpRequestError.ConnectionError, "connect", new UpstreamConnectException(timedOut: true, null));

        Assert.Equal(new ForwardOutcome(503, "sC", UpstreamFailure.ConnectTimeout), ForwarderErrorMapper.Map(ForwarderError.Request, timeout));
    }

    [Fact]
    public void Map_ConnectorRefusal_Returns503WithSC()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "connect", new UpstreamConnectException(timedOut: false, null));

        Assert.Equal(new ForwardOutcome(503, "SC", UpstreamFailure.ConnectRefused), ForwarderErrorMapper.Map(ForwarderError.Request, refused));
    }

    [Fact]
    public void Map_ServerClosedBeforeHeaders_Returns502WithSH()
    {
        var closed = new HttpRequestException(HttpRequestError.ResponseEnded, "ended");

        Assert.Equal(new ForwardOutcome(502, "SH", UpstreamFailure.EmptyResponse), ForwarderErrorMapper.Map(ForwarderError.Request, closed));
    }

    [Fact]
    public void Map_ResetWhileReadingHeaders_IsNotAConnectFailure()
    {
        var reset = new HttpRequestException(HttpRequestError.Unknown, "reset", new IOException("reset", new SocketException((int)SocketError.ConnectionReset)));

        Assert.Equal(new ForwardOutcome(502, "SH", UpstreamFailure.EmptyResponse), ForwarderErrorMapper.Map(ForwarderError.Request, reset));
    }

    [Fact]
    public void Map_InvalidResponse_Returns502WithPH()
    {
        var junk = new HttpRequestException(HttpRequestError.InvalidResponse, "junk");

        Assert.Equal(new ForwardOutcome(502, "PH", UpstreamFailure.JunkResponse), ForwarderErrorMapper.Map(ForwarderError.Request, junk));
    }

    [Fact]
    public void Map_ServerTimeoutBeforeHeaders_Returns504WithLowercaseS()
    {
        Assert.Equal(new ForwardOutcome(504, "sH", UpstreamFailure.ResponseTimeout), ForwarderErrorMapper.Map(ForwarderError.RequestTimedOut, null));
    }

    [Theory]
    [InlineData(ForwarderError.NoAvailableDestinations, 503, "SC")]
    [InlineData(ForwarderError.RequestBodyDestination, 502, "SH")]
    [InlineData(ForwarderError.ResponseHeaders, 502, "PH")]
    [InlineData(ForwarderError.RequestCanceled, null, "CH")]
    [InlineData(ForwarderError.RequestBodyClient, null, "CH")]
    [InlineData(ForwarderError.ResponseBodyClient, null, "CD")]
    [InlineData(ForwarderError.ResponseBodyDestination, null, "SD")]
    [InlineData(ForwarderError.UpgradeActivityTimeout, null, "sD")]
    public void Map_OtherErrors_FollowHaproxysTable(ForwarderError error, int? status, string termination)
    {
        Assert.Equal(new ForwardOutcome(status, termination), ForwarderErrorMapper.Map(error, null));
    }

    [Theory]
    [InlineData(true, "CD")]
    [InlineData(false, "sD")]
    public void Map_ResponseBodyCanceled_TellsClientAbortFromServerTimeout(bool clientAborted, string termination)
    {
        Assert.Equal(new ForwardOutcome(null, termination), ForwarderErrorMapper.Map(ForwarderError.ResponseBodyCanceled, null, clientAborted));
    }

    [Fact]
    public void Map_ResponseBodyDestinationCancelled_IsAServerTimeoutInData()
    {
        var timedOut = new OperationCanceledException("activity timeout");

        Assert.Equal(new ForwardOutcome(null, "sD"), ForwarderErrorMapper.Map(ForwarderError.ResponseBodyDestination, timedOut));
    }

    [Fact]
    public void Map_ResponseBodyDestinationReset_IsAServerAbortInData()
    {
        var reset = new IOException("reset", new SocketException((int)SocketError.ConnectionReset));

        Assert.Equal(new ForwardOutcome(null, "SD"), ForwarderErrorMapper.Map(ForwarderError.ResponseBodyDestination, reset));
    }

    [Fact]
    public void Map_ResponseBodyDestinationReadAborted_IsAServerTimeoutInData()
    {
        // The activity timeout cancelling a pending read can surface as an aborted socket operation.
        var aborted = new IOException("aborted", new SocketException((int)SocketError.OperationAborted));

        Assert.Equal(new ForwardOutcome(null, "sD"), ForwarderErrorMapper.Map(ForwarderError.ResponseBodyDestination, aborted));
    }
}
