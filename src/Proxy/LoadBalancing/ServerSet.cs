using Proxy.Runtime;

namespace Proxy.LoadBalancing;

/// <summary>
/// The servers a backend balances over at one moment, computed by <see cref="ServerPool"/>: the usable active
/// servers, or when none is left the first usable backup (every usable backup with `option allbackups`). Immutable;
/// a new instance replaces it on every state change, so balancers rebuild their tables when the reference changes.
/// </summary>
internal sealed class ServerSet
{
    public ServerSet(ServerState[] servers, bool backups)
    {
        Servers = servers;
        Backups = backups;
        foreach (var server in servers)
        {
            TotalWeight += WeightOf(server);
        }
    }

    /// <summary>An empty set (nothing usable: 503).</summary>
    public static ServerSet Empty { get; } = new([], false);

    /// <summary>The servers, in declaration order; never one of weight 0.</summary>
    public ServerState[] Servers { get; }

    /// <summary>True when these are backup servers (no active server is usable).</summary>
    public bool Backups { get; }

    /// <summary>Sum of the servers' weights.</summary>
    public int TotalWeight { get; }

    /// <summary>
    /// A member's weight for balancing, at least 1: an agent may set it to 0 after this set was built, and the pool's
    /// next set (without it) is then already on its way; until a balancer rebuilds, no division may see 0.
    /// </summary>
    public static int WeightOf(ServerState server) => Math.Max(1, server.Weight);
}
