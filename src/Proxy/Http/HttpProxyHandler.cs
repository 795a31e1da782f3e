using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Proxy.Runtime;
using Yarp.ReverseProxy.Forwarder;

namespace Proxy.Http;

/// <summary>
/// The terminal handler of mode http: frontend rules, backend choice, server pick (and queue), then forwarding
/// with HAProxy's retries and redispatch, through the HTTP/1.1 forwarder (<see cref="Upstream.H1Forwarder"/>) for
/// plain HTTP/1.x requests or YARP's IHttpForwarder for the rest; failures become HAProxy's status codes,
/// error pages and termination states, recorded in the request's <see cref="RequestOutcome"/>.
/// </summary>
internal sealed partial class HttpProxyHandler(IHttpForwarder forwarder, CurrentRuntime runtime, TimeProvider? time = null, IRequestOutcomeObserver? observer = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    // Notes when response headers arrive (Tr): one timed wrapper per frontend/backend transformer, made once, so a
    // request allocates none. A weak table, so the transformers of a replaced runtime can go.
    private readonly ConditionalWeakTable<HttpTransformer, TimedTransformer> _timed = new();
    private readonly ConditionalWeakTable<HttpTransformer, TimedTransformer>.CreateValueCallback _wrap =
        inner => new TimedTransformer(inner, time ?? TimeProvider.System);

    // The last wrapper handed out: with one frontend/backend pair (the common case) a request skips the weak table.
    private TimedEntry? _lastTimed;

    private TimedTransformer Timed(HttpTransformer inner)
    {
        if (Volatile.Read(ref _lastTimed) is { } last && ReferenceEquals(last.Inner, inner))
        {
            return last.Timed;
        }

        var timed = _timed.GetValue(inner, _wrap);
        Volatile.Write(ref _lastTimed, new TimedEntry(inner, timed));
        return timed;
    }

    private sealed record TimedEntry(HttpTransformer Inner, TimedTransformer Timed);

    public async Task HandleAsync(HttpContext context)
    {
        var started = _time.GetTimestamp();
        var outcome = new RequestOutcome();
        context.Features.Set(outcome);
        // The head as the client wrote it (header order for the HTTP/1 forwarder); taken on every request, so the
        // connection's next head gets recorded after this one's body.
        var rawHead = Wire.RequestHeadRecorder.Of(context)?.TakeHead(RecordedBodyLength(context)) ?? ReadOnlyMemory<byte>.Empty;
        // One async method from here to ForwardAsync: each nested one would cost a state machine box per request.
        try
        {
            var connection = context.Connection;
            var frontend = runtime.Value.ResolveFrontend(connection.LocalIpAddress, connection.LocalPort);
            if (frontend is null)
            {
                await FailAsync(context, outcome, StatusCodes.Status503ServiceUnavailable, "SC");
                return;
            }

            ErrorPagesFeature.SetFrontend(context, frontend.Definition);
            // haproxy 2.6 logs the frontend's name as the backend until one is chosen.
            outcome.Frontend = outcome.Backend = frontend.Name;
            if (await frontend.Rules.Request.RunAsync(context))
            {
                AnsweredLocally(context, outcome);
                return;
            }

            // haproxy 2.6: use_backend rules in order, then default_backend; no backend to send to answers 503.
            var backend = frontend.SelectBackend(context);
            if (backend is null)
            {
                await FailAsync(context, outcome, StatusCodes.Status503ServiceUnavailable, "SC");
                return;
            }

            ErrorPagesFeature.SetBackend(context, backend.Definition);
            outcome.Backend = backend.Name;
            outcome.ChosenBackend = backend;
            backend.CountSession();
            if (await backend.Rules.Request.RunAsync(context))
            {
                AnsweredLocally(context, outcome);
                return;
            }

            await ForwardAsync(context, frontend, backend, outcome, rawHead);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested && outcome.TerminationState == "--")
        {
            // The client left while the proxy itself was answering (an error page, a local response).
            outcome.End(context.Response.HasStarted ? context.Response.StatusCode : -1, context.Response.HasStarted ? "CD" : "CR");
            throw;
        }
        finally
        {
            outcome.TotalMilliseconds = (long)_time.GetElapsedTime(started).TotalMilliseconds;
            observer?.Completed(context, outcome);
        }
    }

    /// <summary>
    /// Sends the request to a server, retrying as `retries`/`retry-on`/`option redispatch` allow (haproxy 2.6
    /// src/stream.c back_handle_st_cer): a request is replayed only when nothing of it reached a server or it
    /// has no body, and never once the response started.
    /// </summary>
    // A pooled state machine: this method's box would otherwise be the largest allocation of a forwarded request.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ForwardAsync(HttpContext context, FrontendState frontend, BackendState backend, RequestOutcome outcome, ReadOnlyMemory<byte> rawHead)
    {
        var server = await AssignAsync(context, backend, outcome, failed: null);
        if (server is null)
        {
            return;
        }

        // haproxy 2.6 keeps the server slot across retries to the same server; it gives it back on a redispatch.
        ServerState? held = server;
        try
        {
            var hasBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? true;
            var localPort = context.Connection.LocalPort;
            while (true)
            {
                outcome.Server = server.Name;
                outcome.ChosenServer = server;
                var sent = _time.GetTimestamp();
                outcome.ResponseHeadersTimestamp = 0;
                ForwarderError error;
                int? heldBack;
                if (Upstream.H1Forwarding.PoolFor(context, backend, server) is { } pool)
                {
                    // Plain HTTP/1.x: our own forwarder, which writes the client's header lines as they came.
                    var attempt = await Upstream.H1Forwarder.SendAsync(context, pool, frontend.TransformerFor(backend), backend.Retry, outcome.Retries,
                        hasBody, backend.Definition.Timeouts.Server, outcome, rawHead);
                    error = attempt.Error;
                    heldBack = attempt.HeldBackStatus;
                }
                else
                {
                    // The forwarding transformer (HaproxyRequestTransformer), timed for Tr.
                    HttpTransformer transformer = Timed(frontend.TransformerFor(backend));
                    // retry-on <status>: only then is the transformer wrapped (one object per attempt) to hold such a response back.
                    var statusRetry = backend.Retry.RetriesOnStatus ? new StatusRetryTransformer(transformer, backend.Retry, outcome.Retries, hasBody) : null;
                    error = await forwarder.SendAsync(context, server.DestinationPrefix(localPort), backend.Invoker, TunnelRequestConfig.For(context, backend), statusRetry ?? transformer);
                    heldBack = statusRetry?.HeldBackStatus;
                }

                server.Observer?.Report(error, context); // passive health (`observe`); null without it
                if (outcome.ResponseHeadersTimestamp != 0)
                {
                    outcome.ConnectMilliseconds = 0;
                    outcome.ResponseMilliseconds = (long)_time.GetElapsedTime(sent, outcome.ResponseHeadersTimestamp).TotalMilliseconds;
                }

                var connectionError = false;
                if (error == ForwarderError.None)
                {
                    if (heldBack is null)
                    {
                        outcome.End(context.Response.StatusCode, "--");
                        return;
                    }
                }
                else
                {
                    var aborted = context.RequestAborted.IsCancellationRequested;
                    var result = ForwarderErrorMapper.Map(error, context.Features.Get<IForwarderErrorFeature>()?.Exception, aborted);
                    if (aborted || context.Response.HasStarted || !backend.Retry.MayRetry(result.Failure, outcome.Retries, hasBody))
                    {
                        // The server is done with this request: its slot is free before the error page goes out.
                        held = null;
                        backend.Release(server);
                        // A client that stopped reading for timeout client was cut by the proxy (haproxy 2.6 cD), not lost (CD).
                        var termination = result.TerminationState == "CD" && Connections.ClientWriteTimeout.Expired(context) ? "cD" : result.TerminationState;
                        await FailAsync(context, outcome, result.Status ?? -1, termination);
                        return;
                    }

                    connectionError = result.Failure == UpstreamFailure.ConnectRefused;
                }

                outcome.Retries++;
                var step = backend.Retry.Next(outcome.Retries, backend.Eligible.Count, connectionError);
                ForgetFailedAttempt(context);
                if (step.Delay > TimeSpan.Zero && !await TurnAroundAsync(context, backend, step.Delay, outcome))
                {
                    return;
                }

                if (!step.Redispatch)
                {
                    continue;
                }

                var previous = server;
                held = null;
                backend.Release(previous);
                if (await AssignAsync(context, backend, outcome, previous) is not { } next)
                {
                    return;
                }

                held = next;
                server = next;
                outcome.Redispatched |= !ReferenceEquals(next, previous);
            }
        }
        finally
        {
            if (held is not null)
            {
                backend.Release(held);
            }
        }
    }

    // haproxy 2.6: after a connection error on the same server, wait min(timeout connect, 1s) before the retry.
    private static async ValueTask<bool> TurnAroundAsync(HttpContext context, BackendState backend, TimeSpan delay, RequestOutcome outcome)
    {
        try
        {
            await Task.Delay(delay, backend.Time, context.RequestAborted);
            return true;
        }
        catch (OperationCanceledException)
        {
            // The client left between two connection attempts.
            outcome.End(-1, "CC");
            return false;
        }
    }

    // YARP prepared an error status and recorded its error for the failed attempt; the next attempt starts clean.
    private static void ForgetFailedAttempt(HttpContext context)
    {
        context.Response.Clear();
        context.Features.Set<IForwarderErrorFeature>(null);
    }

    private static void AnsweredLocally(HttpContext context, RequestOutcome outcome)
    {
        // haproxy 2.6: a response produced by the proxy itself (http-request return, redirect) is logged "LR".
        if (outcome.Status < 0)
        {
            outcome.End(context.Response.StatusCode, "LR");
        }
    }

    /// <summary>Records the failure and, when a status can still be sent, answers with HAProxy's error page.</summary>
    private static Task FailAsync(HttpContext context, RequestOutcome outcome, int status, string terminationState)
    {
        if (status < 0 || context.Response.HasStarted)
        {
            outcome.End(context.Response.HasStarted ? context.Response.StatusCode : -1, terminationState);
            return Task.CompletedTask;
        }

        outcome.End(status, terminationState);
        return HaproxyErrorPages.WriteAsync(context.Response, status);
    }

    // Bytes of this request's body on the wire: its Content-Length, 0 without a body, -1 when unknown (chunked, or a
    // connection that becomes a tunnel), which ends the recording of that connection's heads.
    private static long RecordedBodyLength(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength is { } length)
        {
            return length;
        }

        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        return HttpMethods.IsConnect(request.Method) || upgrade?.IsUpgradableRequest == true
            || context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != false ? -1 : 0;
    }
}
