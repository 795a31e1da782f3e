using Microsoft.AspNetCore.Http;

namespace Proxy.Http;

/// <summary>
/// What happened to one request, kept on the HttpContext (a feature) for the access log, which reads nothing
/// else: the status sent, HAProxy's two termination-state letters (../shared/spec/haproxy-2.6.md §4.4), where the
/// request went, how many retries it took, and its timers (HAProxy's Tw/Tc/Tr/Ta in milliseconds, -1 when the
/// phase was never reached).
/// </summary>
internal sealed class RequestOutcome
{
    /// <summary>The frontend that took the request.</summary>
    public string? Frontend { get; set; }

    /// <summary>The backend chosen; null before a backend was chosen.</summary>
    public string? Backend { get; set; }

    /// <summary>The server of the last attempt; null is HAProxy's &lt;NOSRV&gt;.</summary>
    public string? Server { get; set; }

    /// <summary>The backend chosen, for the log's connection counts; null before one was chosen.</summary>
    public Runtime.BackendState? ChosenBackend { get; set; }

    /// <summary>The server of the last attempt, for the log's %si/%sp/%sc; null before one was picked.</summary>
    public Runtime.ServerState? ChosenServer { get; set; }

    /// <summary>The status sent to the client; -1 when nothing was sent (HAProxy logs -1 too).</summary>
    public int Status { get; set; } = -1;

    /// <summary>
    /// Two letters: who or what ended the request (C S P L R I c s, or - when it ended normally) and the phase
    /// it was in (R Q C H D L T, or -). "--" for a success.
    /// </summary>
    public string TerminationState { get; set; } = "--";

    /// <summary>Retries made (HAProxy's retries field).</summary>
    public int Retries { get; set; }

    /// <summary>True when a retry went to another server (HAProxy prefixes the retries field with '+').</summary>
    public bool Redispatched { get; set; }

    /// <summary>Tw: milliseconds spent in queues; -1 when the request never reached the queue step.</summary>
    public long QueueMilliseconds { get; set; } = -1;

    /// <summary>
    /// Tc: milliseconds to establish the connection; -1 when none was. Connections come from a shared pool and
    /// are not timed per request yet: an attempt that got a response counts 0.
    /// </summary>
    public long ConnectMilliseconds { get; set; } = -1;

    /// <summary>Tr: milliseconds from sending the request to receiving response headers; -1 when none arrived.</summary>
    public long ResponseMilliseconds { get; set; } = -1;

    /// <summary>When the last attempt's response headers arrived (the handler's clock); 0 when none did.</summary>
    public long ResponseHeadersTimestamp { get; set; }

    /// <summary>Ta: milliseconds the whole request took, set once it ended.</summary>
    public long TotalMilliseconds { get; set; } = -1;

    /// <summary>Records how the request ended.</summary>
    public void End(int status, string terminationState)
    {
        Status = status;
        TerminationState = terminationState;
    }

    /// <summary>The outcome kept on <paramref name="context"/>, or null outside the proxy's handler.</summary>
    public static RequestOutcome? Of(HttpContext context) => context.Features.Get<RequestOutcome>();
}
