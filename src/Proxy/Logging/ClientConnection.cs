using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace Proxy.Logging;

/// <summary>
/// What the access log knows about one client connection, kept in the connection's items by
/// <see cref="ConnectionLogMiddleware"/>: when it was accepted, when its TLS handshake ended, and when the current
/// request's first bytes arrived after the previous request (or the handshake) ended. haproxy 2.6 derives %Th, %Ti
/// and %TR from these moments (configuration.txt §8.4); Kestrel only says when the request headers were parsed.
/// It also tracks who writes to an HTTP/1 connection now (Kestrel between requests, or the application) and how the
/// request head being read is going, for src/Proxy/Connections (haproxy's own 400/408 answers).
/// </summary>
internal sealed class ClientConnection
{
    private static readonly object Key = new();

    private readonly ClientConnections _connections;
    private readonly AccessLogPlan? _plan;
    private long _firstByte;
    private int _awaiting = 1;
    private int _counted = 1;
    private int _phase = (int)Phase.Kestrel;
    private int _inputEnded;
    private int _headBytes;
    private int _served;

    // Who may be writing to the connection (HTTP/1): Kestrel alone between requests, the application from the
    // moment a request reaches it until Kestrel reads again after the application's end (Kestrel sends the end of a
    // response, e.g. a bodyless one, after the application returned, and only then reads the next request).
    private enum Phase
    {
        Kestrel,
        Application,
        ApplicationEnded,
    }

    /// <summary>Counts a connection accepted at <paramref name="acceptTimestamp"/> in the process and its frontend.</summary>
    public ClientConnection(ClientConnections connections, AccessLogPlan? plan, long acceptTimestamp)
    {
        (_connections, _plan) = (connections, plan);
        AcceptTimestamp = ReadyTimestamp = IdleSince = acceptTimestamp;
        connections.Enter();
        plan?.Enter();
    }

    /// <summary>When the connection was accepted (TimeProvider timestamp).</summary>
    public long AcceptTimestamp { get; }

    /// <summary>When the TLS handshake ended (the accept itself on a plain bind).</summary>
    public long ReadyTimestamp { get; private set; }

    /// <summary>When the previous request ended, or <see cref="ReadyTimestamp"/> before the first request.</summary>
    public long IdleSince { get; private set; }

    /// <summary>Requests the connection carried so far.</summary>
    public int Requests { get; private set; }

    /// <summary>True while the connection waits for the first bytes of its next request.</summary>
    public bool AwaitingRequest => Volatile.Read(ref _awaiting) != 0;

    /// <summary>
    /// True while no request is being handled: whatever Kestrel writes now is its own refusal of a request head
    /// (src/Proxy/Connections/KestrelAnswer), which haproxy answers with its own page.
    /// </summary>
    public bool KestrelAnswering => Volatile.Read(ref _phase) == (int)Phase.Kestrel;

    /// <summary>True once a read saw the client's end of the input (haproxy's `C` rather than `P` for a cut head).</summary>
    public bool InputEnded => Volatile.Read(ref _inputEnded) != 0;

    /// <summary>
    /// True when the client ended its input in the middle of a request head, or before its first request: haproxy
    /// 2.6 then answers 400 and logs CR; Kestrel closes without a word (an idle keep-alive close is not this).
    /// </summary>
    public bool CutRequestHead => KestrelAnswering && InputEnded && (Volatile.Read(ref _headBytes) != 0 || Volatile.Read(ref _served) == 0);

    /// <summary>True when bytes of a request head were received (false: the client sent nothing for it).</summary>
    public bool HeadBytesReceived => Volatile.Read(ref _headBytes) != 0;

    /// <summary>True while reads must be looked at: the connection waits for a request, or Kestrel is reading one.</summary>
    public bool WatchingReads => AwaitingRequest || KestrelAnswering;

    /// <summary>The state of <paramref name="context"/>'s connection, or null when it did not come through the middleware.</summary>
    public static ClientConnection? Of(HttpContext context)
        => context.Features.Get<IConnectionItemsFeature>()?.Items is { } items ? Of(items) : null;

    /// <summary>The state kept in a connection's <paramref name="items"/>, or null.</summary>
    public static ClientConnection? Of(IDictionary<object, object?> items)
        => items.TryGetValue(Key, out var state) ? state as ClientConnection : null;

    /// <summary>Keeps the state in the connection's items.</summary>
    public void Attach(IDictionary<object, object?> items) => items[Key] = this;

    /// <summary>Notes the end of the TLS handshake (the connection can carry requests from now on).</summary>
    public void Ready(long timestamp) => ReadyTimestamp = IdleSince = timestamp;

    /// <summary>
    /// Counts the connection out, once: when it ends, or as soon as its last response is decided (`Connection:
    /// close`) — haproxy has closed such a connection before the client can open its next one.
    /// </summary>
    public void Leave()
    {
        if (Interlocked.Exchange(ref _counted, 0) != 0)
        {
            _plan?.Leave();
            _connections.Leave();
        }
    }

    /// <summary>A request reached the application (the access log middleware, first for every request).</summary>
    public void ApplicationBegin()
    {
        Volatile.Write(ref _phase, (int)Phase.Application);
        Volatile.Write(ref _headBytes, 0);
        Interlocked.Increment(ref _served);
    }

    /// <summary>Requests that reached the application on this connection so far.</summary>
    public int Served => Volatile.Read(ref _served);

    /// <summary>The application finished its request; Kestrel may still be sending the end of the response.</summary>
    public void ApplicationEnd() => Volatile.Write(ref _phase, (int)Phase.ApplicationEnded);

    /// <summary>Kestrel reads again: after the application ended, the response is out and the next request is Kestrel's.</summary>
    public void ReadIssued()
    {
        if (Volatile.Read(ref _phase) == (int)Phase.ApplicationEnded)
        {
            Interlocked.CompareExchange(ref _phase, (int)Phase.Kestrel, (int)Phase.ApplicationEnded);
        }
    }

    /// <summary>Notes bytes read while Kestrel reads a request head (the next request has begun).</summary>
    public void MarkHeadBytes()
    {
        if (KestrelAnswering)
        {
            Volatile.Write(ref _headBytes, 1);
        }
    }

    /// <summary>Notes that the client ended its side of the connection.</summary>
    public void MarkInputEnded() => Volatile.Write(ref _inputEnded, 1);

    /// <summary>
    /// When the request being read began: its first bytes, or the end of the previous request (or handshake) when
    /// none were seen yet (haproxy times a refused or silent request from there).
    /// </summary>
    public long PendingRequestStart => AwaitingRequest || Volatile.Read(ref _firstByte) == 0 ? IdleSince : Volatile.Read(ref _firstByte);

    /// <summary>Notes that bytes arrived while the connection was waiting for a request.</summary>
    public void MarkFirstBytes(long timestamp)
    {
        if (Interlocked.Exchange(ref _awaiting, 0) != 0)
        {
            Volatile.Write(ref _firstByte, timestamp);
        }
    }

    /// <summary>
    /// Called when a request's headers are complete (at <paramref name="now"/>): its first bytes' timestamp (now when
    /// they went unseen, e.g. already buffered behind a pipelined request) and whether it is the connection's first.
    /// </summary>
    public (long FirstBytes, bool First) BeginRequest(long now)
    {
        var first = Requests++ == 0;
        var seen = Interlocked.Exchange(ref _awaiting, 0) == 0 ? Volatile.Read(ref _firstByte) : 0;
        return (seen is > 0 && seen <= now ? seen : now, first);
    }

    /// <summary>Called when a request ended: the idle time of the next one starts now.</summary>
    public void EndRequest(long now)
    {
        IdleSince = now;
        Volatile.Write(ref _awaiting, 1);
    }
}
