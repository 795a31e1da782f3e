namespace Proxy.Runtime;

/// <summary>
/// Server `maxconn`/`maxqueue` and the backend's queue, as haproxy 2.6 runs them (src/backend.c
/// assign_server_and_queue, src/queue.c; ../shared/spec/haproxy-2.6.md §3.3): a request for a full server waits
/// in that server's queue; one the balancer could place nowhere waits in the backend's queue; a freed slot goes to
/// the oldest waiter of the two; `timeout queue` ends the wait. Only backends with a server `maxconn` have one.
/// </summary>
internal sealed class BackendQueue
{
    private readonly object _lock = new();
    private readonly LinkedList<QueuedRequest> _backend = new();
    private readonly LinkedList<QueuedRequest>[] _servers;
    private readonly TimeProvider _time;
    private long _sequence;

    public BackendQueue(IReadOnlyList<ServerState> servers, TimeProvider time)
    {
        _time = time;
        _servers = new LinkedList<QueuedRequest>[servers.Count];
        for (var i = 0; i < _servers.Length; i++)
        {
            _servers[i] = new LinkedList<QueuedRequest>();
        }
    }

    /// <summary>Requests waiting in the backend's own queue.</summary>
    public int BackendLength
    {
        get
        {
            lock (_lock)
            {
                return _backend.Count;
            }
        }
    }

    /// <summary>Requests waiting for <paramref name="server"/>.</summary>
    public int LengthOf(ServerState server)
    {
        lock (_lock)
        {
            return _servers[server.Index].Count;
        }
    }

    /// <summary>The servers of <paramref name="eligible"/> that can take a request now (haproxy's balancers skip full servers).</summary>
    public List<ServerState> Available(IReadOnlyList<ServerState> eligible)
    {
        var available = new List<ServerState>(eligible.Count);
        for (var i = 0; i < eligible.Count; i++)
        {
            if (HasRoom(eligible[i]))
            {
                available.Add(eligible[i]);
            }
        }

        return available;
    }

    /// <summary>
    /// Takes a slot on <paramref name="server"/>, or queues for it (or, when null, for any server of
    /// <paramref name="eligible"/>) until a slot frees, <paramref name="timeout"/> passes or <paramref name="abort"/> fires.
    /// </summary>
    public Task<(QueueResult Result, ServerState? Server)> AcquireAsync(
        ServerState? server, IReadOnlyList<ServerState> eligible, TimeSpan? timeout, CancellationToken abort)
    {
        QueuedRequest waiter;
        lock (_lock)
        {
            if (server is not null)
            {
                if (_servers[server.Index].Count == 0 && HasRoom(server))
                {
                    server.BeginRequest();
                    return Task.FromResult<(QueueResult, ServerState?)>((QueueResult.Assigned, server));
                }

                if (server.Definition.MaxQueue > 0 && _servers[server.Index].Count >= server.Definition.MaxQueue)
                {
                    return Task.FromResult<(QueueResult, ServerState?)>((QueueResult.Full, server));
                }
            }
            else if (_backend.Count == 0 && FirstWithRoom(eligible) is { } free)
            {
                // A slot freed after the balancer saw none: take it rather than wait for the next release.
                free.BeginRequest();
                return Task.FromResult<(QueueResult, ServerState?)>((QueueResult.Assigned, free));
            }

            waiter = new QueuedRequest(++_sequence);
            waiter.Node = (server is null ? _backend : _servers[server.Index]).AddLast(waiter);
        }

        if (timeout is { } limit)
        {
            waiter.Timer = _time.CreateTimer(static state => Leave(state, QueueResult.TimedOut), (this, waiter), limit, Timeout.InfiniteTimeSpan);
        }

        if (abort.CanBeCanceled)
        {
            waiter.Abort = abort.Register(static state => Leave(state, QueueResult.Aborted), (this, waiter));
        }

        return Completed(waiter);
    }

    /// <summary>Gives back the slot <paramref name="server"/> held and hands it to the oldest waiter, if any.</summary>
    public void Release(ServerState server)
    {
        if (server.Definition.MaxConn <= 0)
        {
            server.EndRequest();
            return;
        }

        QueuedRequest? next = null;
        lock (_lock)
        {
            server.EndRequest();
            if (HasRoom(server))
            {
                var own = _servers[server.Index].First?.Value;
                var shared = _backend.First?.Value;
                next = own is null ? shared : shared is null || own.Sequence < shared.Sequence ? own : shared;
                if (next is not null)
                {
                    next.Node!.List!.Remove(next.Node);
                    next.Node = null;
                    server.BeginRequest();
                }
            }
        }

        next?.TrySetResult((QueueResult.Assigned, server));
    }

    private static async Task<(QueueResult Result, ServerState? Server)> Completed(QueuedRequest waiter)
    {
        try
        {
            return await waiter.Task;
        }
        finally
        {
            waiter.Timer?.Dispose();
            await waiter.Abort.DisposeAsync();
        }
    }

    private static void Leave(object? state, QueueResult result)
    {
        var (queue, waiter) = ((BackendQueue, QueuedRequest))state!;
        queue.Leave(waiter, result);
    }

    private void Leave(QueuedRequest waiter, QueueResult result)
    {
        lock (_lock)
        {
            if (waiter.Node is null)
            {
                // Already given a slot: the release that took it out completes it.
                return;
            }

            waiter.Node.List!.Remove(waiter.Node);
            waiter.Node = null;
        }

        waiter.TrySetResult((result, null));
    }

    private ServerState? FirstWithRoom(IReadOnlyList<ServerState> eligible)
    {
        for (var i = 0; i < eligible.Count; i++)
        {
            if (HasRoom(eligible[i]))
            {
                return eligible[i];
            }
        }

        return null;
    }

    private static bool HasRoom(ServerState server) => server.Definition.MaxConn <= 0 || server.InFlight < server.Definition.MaxConn;
}
