namespace Proxy.Logging;

/// <summary>
/// haproxy 2.6's %Th, %Ti and %TR for one request, in milliseconds, from the moments its <see cref="ClientConnection"/>
/// noted. Approximations: the first read returning data after the previous request ended (or after the handshake)
/// stands for the request's first byte, so bytes already buffered behind a pipelined request give Ti and TR from
/// the moment they are parsed; HTTP/2 streams share one connection and get 0 for all three.
/// </summary>
/// <param name="HandshakeMs">Th: accept to end of the TLS handshake (0 on plain binds and after the first request).</param>
/// <param name="IdleMs">Ti: from the handshake's or previous request's end to the request's first bytes.</param>
/// <param name="RequestMs">TR: from the first bytes to the complete request headers.</param>
/// <param name="Watched">The connection's input is watched for this request (HTTP/1); its end must be reported.</param>
internal readonly record struct RequestTimers(long HandshakeMs, long IdleMs, long RequestMs, bool Watched)
{
    /// <summary>The timers of a request whose headers were complete at <paramref name="headersComplete"/>.</summary>
    public static RequestTimers Begin(ClientConnection? connection, string protocol, long headersComplete, TimeProvider time)
    {
        if (connection is null || protocol is not ("HTTP/1.1" or "HTTP/1.0"))
        {
            return default;
        }

        var (firstBytes, first) = connection.BeginRequest(headersComplete);
        var handshake = first ? Milliseconds(time, connection.AcceptTimestamp, connection.ReadyTimestamp) : 0;
        return new(handshake, Milliseconds(time, connection.IdleSince, firstBytes), Milliseconds(time, firstBytes, headersComplete), true);
    }

    private static long Milliseconds(TimeProvider time, long from, long to)
        => to <= from ? 0 : (long)time.GetElapsedTime(from, to).TotalMilliseconds;
}
