using Yarp.ReverseProxy.Forwarder;

namespace Proxy.Http;

/// <summary>
/// Translates YARP's <see cref="ForwarderError"/> once, at this boundary, into HAProxy's status and termination
/// state (haproxy 2.6 src/http_ana.c http_return_srv_error; ../shared/spec/haproxy-2.6.md §3.4, §4.4).
/// </summary>
internal static class ForwarderErrorMapper
{
    /// <param name="error">What YARP reported.</param>
    /// <param name="exception">The exception behind it, if any.</param>
    /// <param name="clientAborted">True when the client's connection is gone (tells a client abort from a server timeout).</param>
    public static ForwardOutcome Map(ForwarderError error, Exception? exception, bool clientAborted = false) => error switch
    {
        ForwarderError.Request => MapRequest(exception),
        ForwarderError.RequestTimedOut => new(504, "sH", UpstreamFailure.ResponseTimeout),
        ForwarderError.NoAvailableDestinations => new(503, "SC"),
        // The client left (or stopped sending its body) while the server's response headers were awaited.
        ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.RequestBodyClient => new(null, "CH"),
        // The server closed while the request body was still being sent, before any response header.
        ForwarderError.RequestBodyDestination => new(502, "SH"),
        // haproxy 2.6: a response header that cannot be forwarded is a bad response (502, PH).
        ForwarderError.ResponseHeaders => new(502, "PH"),
        // YARP reports `timeout server` expiring between two body reads as a destination error whose cause is a
        // cancellation (a reset server gives an IOException instead).
        // Under load the cancelled read can surface as an aborted socket operation instead (only our own cancellation
        // aborts a read; a server that resets gives ConnectionReset).
        ForwarderError.ResponseBodyDestination when !clientAborted && Find(exception, CancelledByUs) => new(null, "sD"),
        ForwarderError.ResponseBodyClient or ForwarderError.UpgradeRequestClient or ForwarderError.UpgradeResponseClient => new(null, "CD"),
        // A cancelled body copy is either the client leaving or `timeout server` expiring between two reads.
        ForwarderError.ResponseBodyCanceled or ForwarderError.UpgradeRequestCanceled or ForwarderError.UpgradeResponseCanceled
            => new(null, clientAborted ? "CD" : "sD"),
        ForwarderError.UpgradeActivityTimeout => new(null, "sD"),
        _ => new(null, "SD"),
    };

    private static ForwardOutcome MapRequest(Exception? exception)
    {
        // The connector's own exception is the precise word; the outer HttpRequestException only says "connection".
        if (Find(exception, e => e is UpstreamConnectException { TimedOut: true } or TimeoutException))
        {
            return new(503, "sC", UpstreamFailure.ConnectTimeout);
        }

        // haproxy 2.6: a failed TLS handshake with the server is a connection failure too (503, SC).
        if (Find(exception, e => e is UpstreamConnectException
            or HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError }))
        {
            return new(503, "SC", UpstreamFailure.ConnectRefused);
        }

        if (Find(exception, e => e is HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse }))
        {
            // haproxy 2.6: an invalid response from the server is blocked by the proxy (502, PH).
            return new(502, "PH", UpstreamFailure.JunkResponse);
        }

        // Connected, but the server closed or reset before complete response headers.
        return new(502, "SH", UpstreamFailure.EmptyResponse);
    }

    private static bool CancelledByUs(Exception e)
        => e is OperationCanceledException or System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.OperationAborted };

    private static bool Find(Exception? exception, Func<Exception, bool> match)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (match(e))
            {
                return true;
            }
        }

        return false;
    }
}
