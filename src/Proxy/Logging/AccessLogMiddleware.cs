using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Proxy.Http;
using Proxy.Runtime;

namespace Proxy.Logging;

/// <summary>
/// Wraps the mode-http handler: times the request, counts the response bytes, and when the request ends hands
/// one <see cref="AccessLogEntry"/> to its frontend's <see cref="AccessLogPlan"/> (haproxy 2.6 logs an HTTP request
/// once, at its end, at info). Frontends without a log format pay one dictionary lookup.
/// </summary>
internal sealed class AccessLogMiddleware(RequestDelegate next, CurrentRuntime runtime, TimeProvider time, ClientConnections connections)
{
    private int _active;
    private long _requests = -1;

    // A Date header with one null value: Kestrel then adds none and writes no line for it (HTTP/1 only; its HTTP/2
    // encoder would send an empty one). haproxy 2.6 forwards responses as they are and its own pages have no Date.
    private static readonly StringValues NoDate = new([null]);

    private static readonly Func<object, Task> SuppressKestrelDate = state =>
    {
        var headers = ((HttpResponse)state).Headers;
        if (!headers.ContainsKey(HeaderNames.Date))
        {
            headers.Date = NoDate;
        }

        return Task.CompletedTask;
    };

    private static readonly Func<object, Task> ApplicationEnded = state =>
    {
        ((ClientConnection)state).ApplicationEnd();
        return Task.CompletedTask;
    };

    public Task InvokeAsync(HttpContext context)
    {
        var response = context.Response;
        ClientConnection? withBody = null;
        if (HttpProtocol.IsHttp11(context.Request.Protocol) || HttpProtocol.IsHttp10(context.Request.Protocol))
        {
            response.OnStarting(SuppressKestrelDate, response);
            // Whatever Kestrel writes from now until it reads the next request is this request's response, not a
            // refusal of its own (Connections/KestrelAnswerWriter); OnCompleted runs once the response is out. A
            // request with a body is handed back only once its body was read to the end (HandBackAfterBody).
            if (ClientConnection.Of(context) is { } client)
            {
                client.ApplicationBegin();
                if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: true })
                {
                    withBody = client;
                }
                else
                {
                    response.OnCompleted(ApplicationEnded, client);
                }
            }

            // haproxy 2.6 times a tunnel with timeout tunnel, not timeout client.
            if (context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true })
            {
                Connections.ClientWriteTimeout.Suspend(context);
            }
        }

        var current = runtime.Value;
        var connection = context.Connection;
        var plan = current.ResolveFrontend(connection.LocalIpAddress, connection.LocalPort) is { } frontend
            ? current.AccessLogs.ForFrontend(frontend.Name)
            : null;
        // Not async on this path: a frontend without logs costs no state machine per request (without a body).
        return plan is not null ? LogAsync(context, plan, withBody)
            : withBody is null ? next(context)
            : RunThenHandBackAsync(context, withBody);
    }

    private async Task RunThenHandBackAsync(HttpContext context, ClientConnection client)
    {
        await next(context);
        HandBackAfterBody(context, client);
    }

    // Kestrel drains what the application left of a request body after OnCompleted, and drained bytes cannot be told
    // from a next request head: the connection goes back to Kestrel only when the body was read to its end (checked
    // before Kestrel stops the body reader, and only once the response started, since a first read of an untouched
    // body would send a 100 Continue). Otherwise it stays the application's, and Kestrel's own answer to a later bad
    // head on it goes out as it is.
    private static void HandBackAfterBody(HttpContext context, ClientConnection client)
    {
        if (!context.Response.HasStarted)
        {
            return;
        }

        try
        {
            var reader = context.Request.BodyReader;
            if (reader.TryRead(out var result))
            {
                var ended = result.IsCompleted && result.Buffer.IsEmpty;
                reader.AdvanceTo(result.Buffer.Start);
                if (ended)
                {
                    context.Response.OnCompleted(ApplicationEnded, client);
                }
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            // The reader was completed or the body was bad: leave the connection to the application's side.
        }
    }

    private async Task LogAsync(HttpContext context, AccessLogPlan plan, ClientConnection? withBody)
    {
        var start = time.GetTimestamp();
        var requestCounter = Interlocked.Increment(ref _requests);
        // Connections are counted by ConnectionLogMiddleware; a request that did not come through it counts as one.
        var client = ClientConnection.Of(context);
        if (client is null)
        {
            Interlocked.Increment(ref _active);
            plan.Enter();
        }

        var timers = RequestTimers.Begin(client, context.Request.Protocol, start, time);
        var acceptDate = time.GetLocalNow().AddMilliseconds(-timers.RequestMs);
        var body = new CountingResponseBody(context.Features.Get<IHttpResponseBodyFeature>()!);
        context.Features.Set<IHttpResponseBodyFeature>(body);
        var timing = new HeaderTiming(time, context.Response, client is null ? null : connections, plan);
        // Registered after SuppressKestrelDate, so it runs before it (Kestrel runs these last-in, first-out) and still
        // sees whether the response had a Date of its own.
        context.Response.OnStarting(HeaderTiming.Mark, timing);
        try
        {
            await next(context);
            if (withBody is not null)
            {
                HandBackAfterBody(context, withBody);
            }
        }
        finally
        {
            context.Features.Set(body.Inner);
            var activeMs = (long)time.GetElapsedTime(start).TotalMilliseconds;
            // What the handler recorded (src/Proxy/Http/RequestOutcome); a request it never saw logs as its own.
            var recorded = RequestOutcome.Of(context);
            var server = recorded?.ChosenServer;
            var responseMs = recorded is not null ? recorded.ResponseMilliseconds
                : server is null || timing.At == 0 ? -1 : (long)time.GetElapsedTime(start, timing.At).TotalMilliseconds;
            var termination = recorded?.TerminationState ?? (!context.RequestAborted.IsCancellationRequested ? "--" : context.Response.HasStarted ? "CD" : "CH");
            if (termination is "CD" or "--" && Connections.ClientWriteTimeout.Expired(context))
            {
                // The client stopped reading the response for timeout client (haproxy 2.6 cD); the handler only saw it go.
                termination = "cD";
                recorded?.TerminationState = termination;
            }
            var outcome = new AccessLogEntryFactory.Outcome(
                recorded?.Backend,
                recorded?.Server,
                server is null ? null : ServerEndpoint(server),
                termination,
                recorded?.QueueMilliseconds ?? -1,
                ConnectMs(recorded?.ConnectMilliseconds ?? -1, server, termination),
                responseMs,
                recorded?.Retries ?? 0,
                recorded?.Redispatched ?? false,
                recorded?.ChosenBackend is { } backend ? BackendConnections(backend) : 0,
                server?.InFlight ?? 0,
                timing.KestrelDate,
                recorded is not null && recorded.ChosenBackend is null && termination == "SC",
                recorded?.Status ?? 0,
                timers.HandshakeMs,
                timers.IdleMs,
                timers.RequestMs);
            var entry = AccessLogEntryFactory.Create(
                context,
                plan,
                outcome,
                acceptDate,
                activeMs,
                body.Bytes,
                timing.ActiveConnections ?? (client is null ? Volatile.Read(ref _active) : connections.Active),
                timing.FrontendConnections ?? plan.Connections,
                requestCounter);
            if (client is null)
            {
                Interlocked.Decrement(ref _active);
                plan.Leave();
            }
            else if (context.Response.Headers.Connection.ToString().Contains("close", StringComparison.OrdinalIgnoreCase))
            {
                client.Leave();
            }
            else if (timers.Watched)
            {
                client.EndRequest(time.GetTimestamp());
            }

            plan.Write(entry, context.Features.Get<LogLevelOverride>());
        }
    }

    // haproxy 2.6: a server that failed or timed out while the response headers (or data) were awaited had accepted
    // the connection, so Tc was reached; pooled connections are not timed per request, hence 0.
    private static long ConnectMs(long recorded, ServerState? server, string termination)
        => recorded < 0 && server is not null && termination.Length >= 2 && termination[1] is 'H' or 'D' ? 0 : recorded;

    // %bc: the backend's other requests, served or queued (haproxy 2.6 counts queued streams as backend connections).
    private static int BackendConnections(BackendState backend)
    {
        var queue = backend.Queue;
        var total = queue?.BackendLength ?? 0;
        var servers = backend.Servers;
        for (var i = 0; i < servers.Count; i++)
        {
            total += servers[i].InFlight + (queue?.LengthOf(servers[i]) ?? 0);
        }

        return total;
    }

    private static IPEndPoint? ServerEndpoint(ServerState server)
        => IPAddress.TryParse(server.Definition.Host, out var address) && server.Definition.Port is { } port ? new IPEndPoint(address, port) : null;

    // The moment the response headers go out: %Tr ends there. Kestrel adds its Date header after this callback, so
    // whether the response had one yet tells whose it is (%B does not count Kestrel's). %ac/%fc are read here too:
    // once the response is out the client may already have opened its next connection, which haproxy, handling
    // both in one loop, would count only after logging this request.
    private sealed class HeaderTiming(TimeProvider time, HttpResponse response, ClientConnections? connections, AccessLogPlan plan)
    {
        public static readonly Func<object, Task> Mark = state =>
        {
            var timing = (HeaderTiming)state;
            timing.At = timing._time.GetTimestamp();
            timing.KestrelDate = !timing._response.Headers.ContainsKey("Date");
            if (timing._connections is { } counted)
            {
                timing.ActiveConnections = counted.Active;
                timing.FrontendConnections = timing._plan.Connections;
            }

            return Task.CompletedTask;
        };

        private readonly TimeProvider _time = time;
        private readonly HttpResponse _response = response;
        private readonly ClientConnections? _connections = connections;
        private readonly AccessLogPlan _plan = plan;

        public int? ActiveConnections { get; private set; }

        public int? FrontendConnections { get; private set; }

        public long At { get; private set; }

        public bool KestrelDate { get; private set; }
    }
}
