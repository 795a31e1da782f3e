using Proxy.Runtime;

namespace Proxy.LoadBalancing;

/// <summary>
/// One `balance` algorithm over a backend's <see cref="ServerPool"/>. Health, maintenance and backup rules are decided
/// by the pool, never inside a balancer; a balancer rebuilds its map, ring or tree when the pool's set changes.
/// </summary>
internal interface IBalancer
{
    /// <summary>
    /// Picks one of <paramref name="eligible"/>, or null when the list is empty. The list is normally the pool's
    /// current set (<c>BackendState.Eligible</c>); a caller that redispatches may pass a subset (without the server
    /// that failed), and then only its members are returned, the algorithm's order skipping the others.
    /// </summary>
    ServerState? Pick(in BalanceContext context, IReadOnlyList<ServerState> eligible);
}
