namespace Proxy.Health;

/// <summary>How long a check may take (haproxy 2.6 configuration.txt `timeout check`).</summary>
/// <param name="Connect">Until the TCP connection is established.</param>
/// <param name="Read">The response deadline: from the check's start when <paramref name="ReadFromStart"/>, else from the connection.</param>
/// <param name="ReadFromStart">True without `timeout check`: `inter` is one budget for connect and read.</param>
internal sealed record CheckTimeouts(TimeSpan Connect, TimeSpan Read, bool ReadFromStart)
{
    /// <summary>
    /// Without `timeout check`, `inter` bounds the whole check. With it, the connect part is bounded by
    /// min(timeout connect, inter) and the read part by `timeout check`.
    /// </summary>
    public static CheckTimeouts For(TimeSpan inter, TimeSpan? timeoutConnect, TimeSpan? timeoutCheck)
    {
        if (timeoutCheck is not { } check)
        {
            return new CheckTimeouts(inter, inter, ReadFromStart: true);
        }

        var connect = timeoutConnect is { } c && c < inter ? c : inter;
        return new CheckTimeouts(connect, check, ReadFromStart: false);
    }
}
