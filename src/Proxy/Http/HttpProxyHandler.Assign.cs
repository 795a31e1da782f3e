using Microsoft.AspNetCore.Http;
using Proxy.LoadBalancing;
using Proxy.Runtime;

namespace Proxy.Http;

/// <summary>Server assignment: the balancer's pick, server `maxconn` slots and the queues (haproxy 2.6 §3.3).</summary>
internal sealed partial class HttpProxyHandler
{
    /// <summary>
    /// Picks a server and takes one of its slots, queueing when `maxconn` says so. On a redispatch the server that
    /// failed is left out when another one exists (except under hash balancing). Null once the failure was answered.
    /// </summary>
    private async ValueTask<ServerState?> AssignAsync(HttpContext context, BackendState backend, RequestOutcome outcome, ServerState? failed)
    {
        var eligible = backend.Eligible;
        // A hash lands on the same server again in haproxy 2.6 (measured: `balance uri` redispatches to the same
        // server); other algorithms move on, which leaving the failed server out reproduces whatever their state.
        if (failed is not null && eligible.Count > 1 && !backend.Retry.HashBalanced)
        {
            eligible = Without(eligible, failed);
        }

        if (backend.Queue is not { } queue)
        {
            // No server has a maxconn: nothing is ever queued (the hot path, allocation-free).
            var server = backend.Balancer.Pick(new BalanceContext(context), eligible);
            if (server is null)
            {
                await FailAsync(context, outcome, StatusCodes.Status503ServiceUnavailable, "SC");
                return null;
            }

            server.BeginRequest();
            outcome.QueueMilliseconds = Math.Max(outcome.QueueMilliseconds, 0);
            return server;
        }

        if (eligible.Count == 0)
        {
            await FailAsync(context, outcome, StatusCodes.Status503ServiceUnavailable, "SC");
            return null;
        }

        // haproxy 2.6: balancers skip full servers and a request they cannot place waits in the backend's queue;
        // hash-based picks keep their server and wait in its queue.
        var candidates = backend.Retry.HashBalanced ? eligible : queue.Available(eligible);
        var picked = candidates.Count == 0 ? null : backend.Balancer.Pick(new BalanceContext(context), candidates);
        return await WaitForSlotAsync(context, backend, queue, picked, eligible, outcome);
    }

    // Its own method: a lambda capturing a parameter of AssignAsync made every call allocate the closure (~26 B per request).
    private static IReadOnlyList<ServerState> Without(IReadOnlyList<ServerState> servers, ServerState failed)
        => [.. servers.Where(s => !ReferenceEquals(s, failed))];

    private async ValueTask<ServerState?> WaitForSlotAsync(
        HttpContext context, BackendState backend, BackendQueue queue, ServerState? picked, IReadOnlyList<ServerState> eligible, RequestOutcome outcome)
    {
        var started = backend.Time.GetTimestamp();
        // Without option abortonclose, haproxy 2.6 keeps a queued request whose client closed and still sends it.
        var abort = backend.AbortOnClose ? context.RequestAborted : CancellationToken.None;
        var (result, server) = await queue.AcquireAsync(picked, eligible, backend.QueueTimeout, abort);
        outcome.QueueMilliseconds = Math.Max(outcome.QueueMilliseconds, 0) + (long)backend.Time.GetElapsedTime(started).TotalMilliseconds;
        switch (result)
        {
            case QueueResult.Assigned:
                return server;
            case QueueResult.TimedOut:
                outcome.Server = picked?.Name;
                await FailAsync(context, outcome, StatusCodes.Status503ServiceUnavailable, "sQ");
                return null;
            case QueueResult.Full:
                outcome.Server = picked?.Name;
                await FailAsync(context, outcome, StatusCodes.Status503ServiceUnavailable, "SQ");
                return null;
            default:
                outcome.End(-1, "CQ");
                return null;
        }
    }
}
