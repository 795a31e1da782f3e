using Proxy.Runtime;

namespace Proxy.LoadBalancing;

/// <summary>
/// The one place that decides which of a backend's servers may take balanced traffic (haproxy 2.6 src/backend.c
/// recount_servers / update_backend_weight, configuration.txt `backup`, `option allbackups`): usable active servers
/// of weight above 0; when there is none, the first usable backup in declaration order, or all of them with
/// `option allbackups`. It recomputes <see cref="Current"/> whenever a server's <see cref="ServerState.IsUsable"/>
/// changes; balancers compare the reference and rebuild their map, ring or tree, as HAProxy does on a state change.
/// </summary>
internal sealed class ServerPool
{
    private readonly ServerState[] _servers;
    private readonly bool _allBackups;
    private readonly Lock _lock = new();
    private volatile ServerSet _current = ServerSet.Empty;

    public ServerPool(IReadOnlyList<ServerState> servers, bool allBackups)
    {
        _servers = [.. servers];
        _allBackups = allBackups;
        foreach (var server in _servers)
        {
            server.UsabilityChanged += _ => Recompute();
        }

        Recompute();
    }

    /// <summary>Every server of the backend, in declaration order.</summary>
    public IReadOnlyList<ServerState> All => _servers;

    /// <summary>The servers balancing may pick now.</summary>
    public ServerSet Current => _current;

    private void Recompute()
    {
        lock (_lock)
        {
            var active = _servers.Where(s => !s.Definition.Backup && Takes(s)).ToArray();
            if (active.Length > 0)
            {
                _current = new ServerSet(active, backups: false);
                return;
            }

            var backups = _servers.Where(s => s.Definition.Backup && Takes(s));
            ServerState[] chosen = _allBackups ? [.. backups] : [.. backups.Take(1)];
            _current = chosen.Length == 0 ? ServerSet.Empty : new ServerSet(chosen, backups: true);
        }
    }

    private static bool Takes(ServerState server) => server.IsUsable && server.Weight > 0;
}
