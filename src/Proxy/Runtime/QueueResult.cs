namespace Proxy.Runtime;

/// <summary>How waiting for a server slot ended.</summary>
internal enum QueueResult
{
    /// <summary>A slot was taken on the server given back.</summary>
    Assigned,

    /// <summary>`timeout queue` expired (haproxy 2.6: 503, sQ).</summary>
    TimedOut,

    /// <summary>The server's `maxqueue` was reached (haproxy 2.6: 503, SQ).</summary>
    Full,

    /// <summary>The client left while queued and `option abortonclose` is set (haproxy 2.6: -1, CQ).</summary>
    Aborted,
}
