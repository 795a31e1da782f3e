using Microsoft.AspNetCore.Http;
using Proxy.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Proxy.Health;

/// <summary>
/// haproxy 2.6 `observe layer4|layer7` with `error-limit` and `on-error`: the data path reports each forwarding
/// attempt; after `error-limit` consecutive errors the server's checker gets a "Health analyze" verdict. layer4 counts
/// failed connections (an established one resets); layer7 also counts 5xx statuses except 501 and 505, invalid or
/// empty responses and response timeouts (a valid other status resets).
/// </summary>
internal sealed class PassiveHealth(ServerChecker checker, bool layer7, int errorLimit, string onError)
{
    /// <summary>haproxy 2.6's default `error-limit`.</summary>
    public const int DefaultErrorLimit = 10;

    private int _consecutive;

    /// <summary>The passive health of <paramref name="checker"/>'s server, or null without `observe layer4|layer7`.</summary>
    public static PassiveHealth? For(ServerChecker checker)
    {
        var d = checker.Server.Definition;
        return d.Observe is "layer4" or "layer7"
            ? new PassiveHealth(checker, d.Observe == "layer7", d.ErrorLimit is > 0 and var limit ? limit : DefaultErrorLimit, d.OnError ?? "fail-check")
            : null;
    }

    /// <summary>One forwarding attempt ended with <paramref name="error"/> (None: a response with the context's status).</summary>
    public void Report(ForwarderError error, HttpContext context)
    {
        if (error == ForwarderError.None)
        {
            // layer4 counts the established connection as a success; layer7 judges the status.
            var status = context.Response.StatusCode;
            Count(layer7 && status is >= 500 and < 600 and not 501 and not 505 ? "Wrong http response" : null);
            return;
        }

        var aborted = context.RequestAborted.IsCancellationRequested;
        var failure = ForwarderErrorMapper.Map(error, context.Features.Get<IForwarderErrorFeature>()?.Exception, aborted).Failure;
        if (failure is UpstreamFailure.ConnectRefused or UpstreamFailure.ConnectTimeout)
        {
            Count("L4 unsuccessful connection");
            return;
        }

        var words = failure switch
        {
            UpstreamFailure.EmptyResponse => "Close from server (http)",
            _ when error == ForwarderError.ResponseHeaders => "Invalid http response (headers)",
            UpstreamFailure.JunkResponse => "Invalid http response (headers)",
            UpstreamFailure.ResponseTimeout => "Read timeout (http)",
            _ => null,
        };
        if (words is not null || !aborted)
        {
            // The connection was established: a success for layer4, the response's fault (or nothing) for layer7.
            Count(layer7 ? words : null);
        }
    }

    /// <summary>Counts one outcome: null is a success (resets), otherwise the analysis' words for the error.</summary>
    public void Count(string? failure)
    {
        if (failure is null)
        {
            if (Volatile.Read(ref _consecutive) != 0)
            {
                Interlocked.Exchange(ref _consecutive, 0);
            }

            return;
        }

        var count = Interlocked.Increment(ref _consecutive);
        if (count < errorLimit)
        {
            return;
        }

        Interlocked.Exchange(ref _consecutive, 0);
        checker.ApplyAnalysis(onError, $"Detected {count} consecutive errors, last one was: {failure}");
    }
}
