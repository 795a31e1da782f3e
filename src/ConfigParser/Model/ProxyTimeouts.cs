namespace ConfigParser.Model;

/// <summary>The `timeout …` values of a proxy; null means unset (HAProxy then waits forever and warns).</summary>
public sealed record ProxyTimeouts
{
    /// <summary>`timeout client`: inactivity on the client side.</summary>
    public TimeSpan? Client { get; init; }

    /// <summary>`timeout server`: inactivity on the server side, including the wait for response headers (504).</summary>
    public TimeSpan? Server { get; init; }

    /// <summary>`timeout connect`: one connection attempt to a server.</summary>
    public TimeSpan? Connect { get; init; }

    /// <summary>`timeout check`: extra read timeout for health checks once connected.</summary>
    public TimeSpan? Check { get; init; }

    /// <summary>`timeout queue`: how long a request may wait for a server slot.</summary>
    public TimeSpan? Queue { get; init; }

    /// <summary>`timeout http-keep-alive`: idle time between two requests of a connection.</summary>
    public TimeSpan? HttpKeepAlive { get; init; }

    /// <summary>`timeout http-request`: time to receive a complete request's headers.</summary>
    public TimeSpan? HttpRequest { get; init; }

    /// <summary>`timeout tunnel`: inactivity of a tunnel (WebSocket, CONNECT).</summary>
    public TimeSpan? Tunnel { get; init; }

    /// <summary>`timeout tarpit`: how long tarpitted requests are held.</summary>
    public TimeSpan? Tarpit { get; init; }

    /// <summary>`timeout client-fin`: client inactivity once the client closed its side.</summary>
    public TimeSpan? ClientFin { get; init; }

    /// <summary>`timeout server-fin`: server inactivity once the server closed its side.</summary>
    public TimeSpan? ServerFin { get; init; }

    /// <summary>No timeout set.</summary>
    public static ProxyTimeouts None { get; } = new();
}
