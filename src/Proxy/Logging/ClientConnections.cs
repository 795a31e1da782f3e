namespace Proxy.Logging;

/// <summary>The process's client connections in progress (haproxy's %ac), one instance per host.</summary>
internal sealed class ClientConnections
{
    private int _active;

    /// <summary>Connections open now.</summary>
    public int Active => Volatile.Read(ref _active);

    /// <summary>Counts a connection in.</summary>
    public void Enter() => Interlocked.Increment(ref _active);

    /// <summary>Counts a connection out.</summary>
    public void Leave() => Interlocked.Decrement(ref _active);
}
