using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Proxy.Http;
using Proxy.Runtime;

namespace Proxy.Logging;

/// <summary>
/// Wraps the mode-http handler: times the request, counts the response bytes, and when the request ends hands
/// one <see cref="AccessLogEntry"/> to its frontend's <see cref="AccessLogPlan"/> (haproxy 2.6 logs an HTTP request
/// once, at its end, at info). Frontends without a log format pay one dictionary lookup.
/// </summary>
internal sealed class AccessLogMiddleware(RequestDelegate next, CurrentRuntime runtime, TimeProvider time)
{
    private int _active;
    private long _requests = -1;

    public Task InvokeAsync(HttpContext context)
    {
        var current = runtime.Value;
        var connection = context.Connection;
        var plan = current.ResolveFrontend(connection.LocalIpAddress, connection.LocalPort) is { } frontend
            ? current.AccessLogs.ForFrontend(frontend.Name)
            : null;
        // Not async on this path: a frontend without logs costs no state machine per request.
        return plan is null ? next(context) : LogAsync(context, plan);
    }

    private async Task LogAsync(HttpContext context, AccessLogPlan plan)
    {
        var start = time.GetTimestamp();
        var acceptDate = time.GetLocalNow();
        var requestCounter = Interlocked.Increment(ref _requests);
        Interlocked.Increment(ref _active);
        plan.Enter();
        var body = new CountingResponseBody(context.Features.Get<IHttpResponseBodyFeature>()!);
        context.Features.Set<IHttpResponseBodyFeature>(body);
        var timing = new HeaderTiming(time);
        context.Response.OnStarting(HeaderTiming.Mark, timing);
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(body.Inner);
            var activeMs = (long)time.GetElapsedTime(start).TotalMilliseconds;
            // What the handler recorded (src/Proxy/Http/RequestOutcome); a request it never saw logs as its own.
            var recorded = RequestOutcome.Of(context);
            var server = recorded?.ChosenServer;
            var responseMs = recorded?.ResponseMilliseconds is >= 0 and var tr ? tr
                : server is null || timing.At == 0 ? -1 : (long)time.GetElapsedTime(start, timing.At).TotalMilliseconds;
            var outcome = new AccessLogEntryFactory.Outcome(
                recorded?.Backend,
                recorded?.Server,
                server is null ? null : ServerEndpoint(server),
                recorded?.TerminationState ?? (!context.RequestAborted.IsCancellationRequested ? "--" : context.Response.HasStarted ? "CD" : "CH"),
                recorded?.QueueMilliseconds ?? -1,
                recorded?.ConnectMilliseconds ?? -1,
                responseMs,
                recorded?.Retries ?? 0,
                recorded?.Redispatched ?? false,
                recorded?.ChosenBackend is { } backend ? BackendConnections(backend) : 0,
                server?.InFlight ?? 0);
            var entry = AccessLogEntryFactory.Create(
                context, plan, outcome, acceptDate, activeMs, body.Bytes, Volatile.Read(ref _active), plan.Connections, requestCounter);
            Interlocked.Decrement(ref _active);
            plan.Leave();
            plan.Write(entry);
        }
    }

    // %bc: requests the backend's servers are serving now.
    private static int BackendConnections(BackendState backend)
    {
        var total = 0;
        var servers = backend.Servers;
        for (var i = 0; i < servers.Count; i++)
        {
            total += servers[i].InFlight;
        }

        return total;
    }

    private static IPEndPoint? ServerEndpoint(ServerState server)
        => IPAddress.TryParse(server.Definition.Host, out var address) && server.Definition.Port is { } port ? new IPEndPoint(address, port) : null;

    // The moment the response headers go out: %Tr ends there.
    private sealed class HeaderTiming(TimeProvider time)
    {
        public static readonly Func<object, Task> Mark = state =>
        {
            var timing = (HeaderTiming)state;
            timing.At = timing._time.GetTimestamp();
            return Task.CompletedTask;
        };

        private readonly TimeProvider _time = time;

        public long At { get; private set; }
    }
}
