using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Proxy.Http.Upstream;

/// <summary>A failed attempt in YARP's words: which side failed where (<see cref="ForwarderError"/>), and the answer left for the handler.</summary>
internal static partial class H1Forwarder
{
    private static ForwarderError ErrorOf(HttpContext context, H1Connection? connection, Phase phase, Exception e, out Exception exception)
    {
        exception = e;
        if (phase == Phase.ServerBody && connection is not null)
        {
            // The body copy notes which side it was on.
            phase = (Phase)connection.Phase;
        }

        var aborted = context.RequestAborted.IsCancellationRequested;
        switch (phase)
        {
            case Phase.Connect:
                if (aborted)
                {
                    return ForwarderError.RequestCanceled;
                }

                if (e is not UpstreamConnectException)
                {
                    // A failed TLS handshake, a name that does not resolve: the connection was never made (SC).
                    exception = new HttpRequestException(HttpRequestError.ConnectionError, e.Message, e);
                }

                return ForwarderError.Request;
            case Phase.ClientBody:
                // The client stalled until the server's timeout ran out: haproxy answers 504 sH.
                return !aborted && connection?.Timer.IsCancellationRequested == true ? ForwarderError.RequestTimedOut : ForwarderError.RequestBodyClient;
            case Phase.ServerBody:
                return aborted ? ForwarderError.RequestBodyClient
                    : connection?.Timer.IsCancellationRequested == true ? ForwarderError.RequestTimedOut : ForwarderError.RequestBodyDestination;
            default:
                if (aborted)
                {
                    return ForwarderError.RequestCanceled;
                }

                return connection?.Timer.IsCancellationRequested == true ? ForwarderError.RequestTimedOut : ForwarderError.Request;
        }
    }

    private static H1Attempt Fail(HttpContext context, H1Connection? connection, ref CancellationTokenRegistration abort, ForwarderError error, Exception? exception)
    {
        abort.Dispose();
        connection?.Dispose();
        context.Features.Set<IForwarderErrorFeature>(new H1ErrorFeature(error, exception));
        if (!context.Response.HasStarted)
        {
            // As YARP: nothing of the server's answer reaches the client; the handler sends HAProxy's page, if any.
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
        }
        else
        {
            context.Abort();
        }

        return new H1Attempt(error);
    }
}
