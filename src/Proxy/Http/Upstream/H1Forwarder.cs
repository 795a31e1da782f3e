using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;

namespace Proxy.Http.Upstream;

/// <summary>
/// Forwards one HTTP/1.x request over a pooled HTTP/1.1 connection, in the role YARP's IHttpForwarder.SendAsync
/// plays on the other path, and reports failures with the same <see cref="ForwarderError"/> words (and an
/// <see cref="IForwarderErrorFeature"/>), so <see cref="ForwarderErrorMapper"/>, retries and passive health work
/// unchanged. The request head is written from Kestrel's headers (<see cref="H1RequestWriter"/>), the response
/// head parsed from the connection's buffer (<see cref="H1ResponseParser"/>) and the body streamed.
/// </summary>
internal static partial class H1Forwarder
{
    private enum Phase : byte
    {
        Connect,
        SendHead,
        ClientBody,
        ServerBody,
        AwaitHead,
    }

    private enum BodyEnd : byte
    {
        Complete,
        ServerFailed,
        ClientFailed,
        InvalidBeforeStart,
    }

    /// <summary>One attempt: connect or reuse, send, receive, copy. Never throws for a failure of either side.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<H1Attempt> SendAsync(HttpContext context, H1ConnectionPool pool, HaproxyRequestTransformer transformer,
        RetryPolicy retry, int retriesDone, bool hasBody, TimeSpan? serverTimeout, RequestOutcome outcome, ReadOnlyMemory<byte> rawHead = default)
    {
        var request = context.Request;
        var target = Rules.RequestLineRewriter.Rewritten(context) is { } rewritten
            ? HaproxyRequestTransformer.OriginForm(rewritten)
            : context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var extras = transformer.ExtrasFor(context);
        var expectContinue = hasBody && IsExpectContinue(request.Headers.Expect);
        var chunkedBody = hasBody && request.ContentLength is null;
        var connection = pool.RentIdle();
        var phase = Phase.Connect;
        var staleRetried = false;
        CancellationTokenRegistration abort = default;
        try
        {
            while (true)
            {
                if (connection is null)
                {
                    phase = Phase.Connect;
                    connection = await pool.ConnectAsync(context.RequestAborted);
                }

                abort = context.RequestAborted.UnsafeRegister(static s => Cancel((CancellationTokenSource)s!), connection.Timer);
                connection.ResponseStarted = false;
                connection.BodySent = false;
                connection.Failure = null;
                var bodyStarted = false;
                var bodyPending = hasBody;
                try
                {
                    phase = Phase.SendHead;
                    H1RequestWriter.WriteHead(connection.Head, request.Method, target, request.Headers, extras, rawHead.Span,
                        context.Features.Get<Wire.InPlaceHeaderEdits>());
                    Arm(connection, serverTimeout);
                    await connection.Stream.WriteAsync(connection.Head.Written, connection.Timer.Token);
                    if (hasBody && !expectContinue)
                    {
                        bodyStarted = true;
                        bodyPending = false;
                        phase = Phase.ServerBody;
                        await SendBodyAsync(context, connection, chunkedBody, serverTimeout);
                    }

                    phase = Phase.AwaitHead;
                    while (true)
                    {
                        var parsed = await ReadHeadAsync(connection, serverTimeout, bodyPending ? ContinueWait : null);
                        if (parsed == H1ParseResult.Incomplete)
                        {
                            // No interim answer in time: the body goes anyway (RFC 9110 §10.1.1; SocketsHttpHandler waits 1 s too).
                            bodyStarted = true;
                            bodyPending = false;
                            phase = Phase.ServerBody;
                            await SendBodyAsync(context, connection, chunkedBody, serverTimeout);
                            phase = Phase.AwaitHead;
                            continue;
                        }

                        if (parsed != H1ParseResult.Complete || connection.Response.Status == 101)
                        {
                            return Fail(context, connection, ref abort, ForwarderError.Request,
                                new HttpRequestException(HttpRequestError.InvalidResponse, $"invalid response from the server ({parsed})"));
                        }

                        if (connection.Response.Status >= 200)
                        {
                            break;
                        }

                        // An interim response (RFC 9110 §15.2): 100 releases the body of an Expect request; others are dropped.
                        connection.Reader.AdvanceTo(connection.Pending.GetPosition(connection.Response.Length));
                        if (connection.Response.Status == 100 && bodyPending)
                        {
                            bodyStarted = true;
                            bodyPending = false;
                            phase = Phase.ServerBody;
                            await SendBodyAsync(context, connection, chunkedBody, serverTimeout);
                            phase = Phase.AwaitHead;
                        }
                    }
                }
                catch (Exception) when (connection.Reused && !staleRetried && !connection.ResponseStarted && !bodyStarted
                    && (phase is Phase.SendHead or Phase.AwaitHead) && !connection.Timer.IsCancellationRequested)
                {
                    // A kept-alive connection the server closed meanwhile: once, on a new connection, and not counted
                    // as a failure (haproxy 2.6 and SocketsHttpHandler do the same).
                    staleRetried = true;
                    abort.Dispose();
                    connection.Dispose();
                    connection = null;
                    continue;
                }

                break;
            }

            return await RespondAsync(context, connection, transformer, retry, retriesDone, hasBody, serverTimeout, outcome, bodyPending: expectContinue && !connection.BodySent, extras.Close, abort);
        }
        catch (Exception e)
        {
            var error = ErrorOf(context, connection, phase, e, out var exception);
            return Fail(context, connection, ref abort, error, exception);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<H1Attempt> RespondAsync(HttpContext context, H1Connection connection, HaproxyRequestTransformer transformer,
        RetryPolicy retry, int retriesDone, bool hasBody, TimeSpan? serverTimeout, RequestOutcome outcome, bool bodyPending, bool closeServer,
        CancellationTokenRegistration abort)
    {
        var head = connection.Response;
        outcome.ResponseHeadersTimestamp = connection.Time.GetTimestamp();
        if (retry.RetriesOnStatus && retry.MayRetry(head.Status, retriesDone, hasBody))
        {
            // retry-on <status>: the response is held back and the connection dropped with its body.
            abort.Dispose();
            connection.Dispose();
            context.Response.StatusCode = head.Status;
            return new H1Attempt(ForwarderError.None, head.Status);
        }

        CopyHead(context, connection);
        connection.Reader.AdvanceTo(connection.Pending.GetPosition(head.Length));
        connection.Pending = default;
        var noBody = HttpMethods.IsHead(context.Request.Method) || head.Status is 204 or 304;
        if (!await transformer.RespondAsync(context))
        {
            // A rule answered (deny): the server's body is not wanted, nor is the connection that still carries it.
            abort.Dispose();
            connection.Dispose();
            return new H1Attempt(ForwarderError.None);
        }

        var end = noBody ? BodyEnd.Complete : await CopyBodyAsync(context, connection, serverTimeout);
        if (end != BodyEnd.Complete)
        {
            var error = end switch
            {
                BodyEnd.InvalidBeforeStart => ForwarderError.ResponseHeaders,
                BodyEnd.ClientFailed => ForwarderError.ResponseBodyClient,
                _ when context.RequestAborted.IsCancellationRequested => ForwarderError.ResponseBodyClient,
                _ => ForwarderError.ResponseBodyDestination,
            };
            return Fail(context, connection, ref abort, error, connection.Failure);
        }

        abort.Dispose();
        // A body that ended with the server's close, an Expect body never sent, `Connection: close` on either side:
        // the connection is not reused.
        var framed = noBody || head.Chunked || head.ContentLength >= 0;
        var reusable = framed && !head.Close && !closeServer && !bodyPending && !context.RequestAborted.IsCancellationRequested;
        if (reusable && connection.ResetTimer() && !HasMore(connection.Reader))
        {
            connection.Pool.Return(connection);
        }
        else
        {
            connection.Dispose();
        }

        return new H1Attempt(ForwarderError.None);
    }

    private static void Arm(H1Connection connection, TimeSpan? serverTimeout)
    {
        if (serverTimeout is { } timeout)
        {
            connection.Arm(timeout);
        }
    }

    private static void Cancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The connection was closed meanwhile.
        }
    }

    private static bool IsExpectContinue(Microsoft.Extensions.Primitives.StringValues expect)
    {
        foreach (var value in expect)
        {
            if (value is not null && value.Contains("100-continue", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
