using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;

namespace Proxy.Logging;

/// <summary>
/// Kestrel connection middleware for the access log, in two steps around TLS: <see cref="OnAcceptAsync"/> (first,
/// before any handshake) counts the connection in the process (%ac) and its frontend (%fc) and notes the accept
/// time; <see cref="OnReadyAsync"/> (after the handshake, so it sees plain bytes) keeps a <see cref="ClientConnection"/>
/// in the connection's items and watches its input for the first bytes of each request (%Th, %Ti, %TR). There too,
/// since only there are the plain bytes of every bind seen, it puts haproxy's own answers to refused, cut and late
/// request heads in place of Kestrel's (src/Proxy/Connections) and logs them as haproxy's `&lt;BADREQ&gt;` lines.
/// </summary>
internal sealed class ConnectionLogMiddleware(ClientConnections connections, Runtime.FrontendState frontend, AccessLogPlan? plan, TimeProvider time)
{
    /// <summary>Counts the connection while it lives.</summary>
    public async Task OnAcceptAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        frontend.CountConnection();
        var state = new ClientConnection(connections, plan, time.GetTimestamp());
        state.Attach(connection.Items);
        try
        {
            await next(connection);
        }
        finally
        {
            state.Leave();
        }
    }

    /// <summary>Notes the end of the handshake and watches the connection's input.</summary>
    public async Task OnReadyAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        if (ClientConnection.Of(connection.Items) is not { } state)
        {
            await next(connection);
            return;
        }

        state.Ready(time.GetTimestamp());
        var transport = connection.Transport;
        // Kestrel's own refusals of a request head become haproxy's page and a <BADREQ> line (Connections/KestrelAnswerWriter).
        Action<int, bool>? answered = plan is null ? null : (status, silent) => LogRefusal(connection, state, status, silent);
        var output = new Connections.KestrelAnswerWriter(transport.Output, state, answered);
        PipeReader input = new FirstBytesReader(transport.Input, state, time, output);
        // haproxy 2.6: the frontend's timeout http-request (else client) bounds a request head once it has begun.
        var lateHead = (frontend.Definition.Timeouts.HttpRequest ?? frontend.Definition.Timeouts.Client) is { } headTimeout
            ? new Connections.LateHeadReader(input, state, output, headTimeout, time)
            : null;
        connection.Transport = new Connections.DuplexPipe(lateHead ?? input, output);
        try
        {
            await next(connection);
            await output.EndAsync();
        }
        finally
        {
            lateHead?.Stop();
            connection.Transport = transport;
        }
    }

    // haproxy 2.6 logs a refused or timed-out request head as "<BADREQ>" with no backend, no server and -1 timers
    // (status 400 PR--, or CR-- when the client closed mid-head; 408 cR--), and a silent connection's 408 (or 400 CR--
    // once it closed) the same way, unless `option dontlognull` (nothing was received).
    private void LogRefusal(ConnectionContext connection, ClientConnection state, int status, bool silent)
    {
        if (plan is null || (silent && plan.DontLogNull))
        {
            return;
        }

        var termination = status == 408 ? "cR" : state.InputEnded ? "CR" : "PR";
        var now = time.GetTimestamp();
        var start = state.PendingRequestStart;
        var activeMs = Milliseconds(start, now);
        var entry = AccessLogEntryFactory.CreateRefused(
            connection,
            plan,
            status,
            termination,
            time.GetLocalNow().AddMilliseconds(-activeMs),
            handshakeMs: state.Requests == 0 ? Milliseconds(state.AcceptTimestamp, state.ReadyTimestamp) : 0,
            idleMs: Milliseconds(state.IdleSince, start),
            activeMs,
            connections.Active,
            plan.Connections);
        plan.Write(entry);
    }

    private long Milliseconds(long from, long to) => to <= from ? 0 : (long)time.GetElapsedTime(from, to).TotalMilliseconds;
}
