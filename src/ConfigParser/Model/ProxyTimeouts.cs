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

    /// <summary>No timeout set.</summary>
    public static ProxyTimeouts None { get; } = new();
}
