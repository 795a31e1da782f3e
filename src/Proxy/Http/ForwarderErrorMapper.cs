using System.Net.Sockets;
using Yarp.ReverseProxy.Forwarder;

namespace Proxy.Http;

/// <summary>
/// Translates YARP's <see cref="ForwarderError"/> once, at this boundary, into HAProxy's status and termination
/// state (haproxy 2.6 src/http_ana.c http_return_srv_error; ../shared/spec/haproxy-2.6.md §3.4).
/// </summary>
internal static class ForwarderErrorMapper
{
    public static ForwardOutcome Map(ForwarderError error, Exception? exception) => error switch
    {
        ForwarderError.Request when IsConnectTimeout(exception) => new(503, "sC"),
        ForwarderError.Request when IsConnectFailure(exception) => new(503, "SC"),
        // Connected, but the server closed or reset before complete response headers.
        ForwarderError.Request => new(502, "SH"),
        ForwarderError.RequestTimedOut => new(504, "sH"),
        ForwarderError.NoAvailableDestinations => new(503, "SC"),
        ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled => new(null, "CH"),
        ForwarderError.RequestBodyClient => new(null, "CD"),
        ForwarderError.RequestBodyDestination => new(502, "SD"),
        _ => new(null, "SD"),
    };

    private static bool IsConnectFailure(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // haproxy 2.6: a failed TLS handshake with the server is a connection failure too (503, SC).
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError } or SocketException)
            {
                return true;
            }
        }

        return false;
    }

    // SocketsHttpHandler.ConnectTimeout surfaces as a cancellation wrapping a TimeoutException.
    private static bool IsConnectTimeout(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
