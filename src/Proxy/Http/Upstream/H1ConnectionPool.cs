using System.Net;

namespace Proxy.Http.Upstream;

/// <summary>
/// The idle keep-alive connections to one server (last in, first out, as SocketsHttpHandler). A connection idle
/// longer than the pool's idle timeout is closed instead of reused.
/// </summary>
internal sealed class H1ConnectionPool(DnsEndPoint endpoint, UpstreamConnector connector, TimeSpan idleTimeout, TimeProvider time)
{
    private readonly Stack<H1Connection> _idle = new();

    public TimeProvider Time => time;

    /// <summary>An idle connection, or null when there is none fit to use.</summary>
    public H1Connection? RentIdle()
    {
        while (true)
        {
            H1Connection? connection;
            lock (_idle)
            {
                if (!_idle.TryPop(out connection))
                {
                    return null;
                }
            }

            if (time.GetElapsedTime(connection.IdleSince) < idleTimeout)
            {
                return connection;
            }

            connection.Dispose();
        }
    }

    /// <summary>Opens a new connection (`timeout connect`, TLS as configured); throws as the connector does.</summary>
    public async ValueTask<H1Connection> ConnectAsync(CancellationToken cancellationToken)
        => new(await connector.ConnectAsync(endpoint, cancellationToken), this);

    /// <summary>Puts a connection that finished its exchange cleanly back for the next request.</summary>
    public void Return(H1Connection connection)
    {
        connection.Reused = true;
        connection.IdleSince = time.GetTimestamp();
        lock (_idle)
        {
            _idle.Push(connection);
        }
    }
}
