using Microsoft.AspNetCore.Connections;

namespace Proxy.Runtime;

/// <summary>
/// A `maxconn` on client connections (global, frontend, or one listener of a `bind` line). haproxy 2.6 stops accepting once the limit is reached
/// and the excess waits in the kernel's backlog; Kestrel has already accepted by the time middleware runs, so an
/// excess connection waits here, unread, until a slot frees (or it closes) — never refused.
/// </summary>
internal sealed class ConnectionLimit(int max)
{
    private readonly SemaphoreSlim _slots = new(max, max);

    public int Max { get; } = max;

    /// <summary>Connections being served now.</summary>
    public int Current => Max - _slots.CurrentCount;

    /// <summary>Connection middleware: serves <paramref name="connection"/> once a slot is free.</summary>
    public async Task RunAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        try
        {
            await _slots.WaitAsync(connection.ConnectionClosed);
        }
        catch (OperationCanceledException)
        {
            // The client gave up while waiting for a slot.
            return;
        }

        try
        {
            await next(connection);
        }
        finally
        {
            _slots.Release();
        }
    }
}
