using System.Net;

namespace Proxy.Logging;

/// <summary>
/// Everything one access-log line can show (haproxy 2.6 §8.2.6 variables), captured once when the request ends;
/// the formatter reads nothing else. Timers are milliseconds, -1 when the phase was never reached.
/// </summary>
internal sealed record AccessLogEntry
{
    /// <summary>%ci/%cp: the client.</summary>
    public IPEndPoint? Client { get; init; }

    /// <summary>%fi/%fp: the address the client connected to.</summary>
    public IPEndPoint? FrontendAddress { get; init; }

    /// <summary>%bi/%bp: our side of the server connection; null when none.</summary>
    public IPEndPoint? BackendSource { get; init; }

    /// <summary>%si/%sp: the server's address; null when none.</summary>
    public IPEndPoint? ServerAddress { get; init; }

    /// <summary>%t/%tr: when the connection was accepted (or the request began), local time.</summary>
    public DateTimeOffset AcceptDate { get; init; }

    /// <summary>%f.</summary>
    public string Frontend { get; init; } = "";

    /// <summary>%ft gets a `~` after the name: the connection came over TLS.</summary>
    public bool IsTls { get; init; }

    /// <summary>%b: the backend, or the frontend's name when none was chosen (haproxy 2.6 does the same).</summary>
    public string Backend { get; init; } = "";

    /// <summary>%s: the server; null prints `&lt;NOSRV&gt;`.</summary>
    public string? Server { get; init; }

    /// <summary>%Th: handshake time.</summary>
    public long HandshakeMs { get; init; }

    /// <summary>%Ti: idle time before the request.</summary>
    public long IdleMs { get; init; }

    /// <summary>%TR: time to receive the request headers.</summary>
    public long RequestMs { get; init; }

    /// <summary>%Tw: time in queues.</summary>
    public long QueueMs { get; init; }

    /// <summary>%Tc: time to connect to the server.</summary>
    public long ConnectMs { get; init; }

    /// <summary>%Tr: time the server took to send the response headers.</summary>
    public long ResponseMs { get; init; } = -1;

    /// <summary>%Ta: active time of the request.</summary>
    public long ActiveMs { get; init; }

    /// <summary>%Tt: total session time.</summary>
    public long TotalMs { get; init; }

    /// <summary>%ST; 0 when no response was produced.</summary>
    public int Status { get; init; }

    /// <summary>%B: bytes sent to the client, headers included.</summary>
    public long BytesRead { get; init; }

    /// <summary>%U: bytes received from the client, headers included.</summary>
    public long BytesUploaded { get; init; }

    /// <summary>%ts/%tsc: four characters (cause, phase, request cookie, response cookie), "----" when normal.</summary>
    public string TerminationState { get; init; } = "----";

    /// <summary>%ac: active connections of the process.</summary>
    public int ActiveConnections { get; init; }

    /// <summary>%fc: concurrent connections of the frontend.</summary>
    public int FrontendConnections { get; init; }

    /// <summary>%bc: concurrent connections of the backend.</summary>
    public int BackendConnections { get; init; }

    /// <summary>%sc: concurrent connections of the server.</summary>
    public int ServerConnections { get; init; }

    /// <summary>%rc: connection retries.</summary>
    public int Retries { get; init; }

    /// <summary>%rc gets a `+` prefix: the request was redispatched.</summary>
    public bool Redispatched { get; init; }

    /// <summary>%sq: position in the server's queue.</summary>
    public int ServerQueue { get; init; }

    /// <summary>%bq: position in the backend's queue.</summary>
    public int BackendQueue { get; init; }

    /// <summary>%hr: `capture request header` values in declaration order (null entries: header absent).</summary>
    public IReadOnlyList<string?> RequestCaptures { get; init; } = [];

    /// <summary>%hs: `capture response header` values.</summary>
    public IReadOnlyList<string?> ResponseCaptures { get; init; } = [];

    /// <summary>No request line was read (a refused or timed-out head): %r prints `&lt;BADREQ&gt;`, as haproxy 2.6 does.</summary>
    public bool IsBadRequest { get; init; }

    /// <summary>%HM.</summary>
    public string Method { get; init; } = "";

    /// <summary>%HU: the request target as received.</summary>
    public string Uri { get; init; } = "";

    /// <summary>%HV: "HTTP/1.1", "HTTP/2.0".</summary>
    public string Version { get; init; } = "";

    /// <summary>%ID: the unique id; null prints `-`.</summary>
    public string? UniqueId { get; init; }

    /// <summary>%rt: the process-wide request counter.</summary>
    public long RequestCounter { get; init; }

    /// <summary>%lc: the frontend's log counter.</summary>
    public long LogCounter { get; init; }

    /// <summary>%sslv: TLS version; null when plain.</summary>
    public string? TlsVersion { get; init; }

    /// <summary>%sslc: TLS cipher; null when plain.</summary>
    public string? TlsCipher { get; init; }

    /// <summary>ssl_fc_sni.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>True for a request that ended in error (5xx, aborted, retried): `option log-separate-errors` and `dontlog-normal` use it.</summary>
    public bool IsError => Status >= 500 || Status == 0 || Retries > 0 || Redispatched || TerminationState[0] != '-';
}
