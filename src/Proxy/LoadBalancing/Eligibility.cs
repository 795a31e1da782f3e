using Proxy.Runtime;

namespace Proxy.LoadBalancing;

/// <summary>
/// How a balancer honours the list it is handed. Normally that list is the pool's current set; a caller that
/// redispatches may pass a smaller one (without the server that failed), and then only its members may be picked.
/// </summary>
internal static class Eligibility
{
    /// <summary>Null when every server of <paramref name="set"/> may be picked, else the list to stay within.</summary>
    public static IReadOnlyList<ServerState>? Restriction(ServerSet set, IReadOnlyList<ServerState> eligible)
        => ReferenceEquals(eligible, set.Servers) ? null : eligible;

    /// <summary>True when <paramref name="server"/> may be picked under <paramref name="only"/>.</summary>
    public static bool Allows(IReadOnlyList<ServerState>? only, ServerState server)
    {
        if (only is null)
        {
            return true;
        }

        for (var i = 0; i < only.Count; i++)
        {
            if (ReferenceEquals(only[i], server))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first server of <paramref name="eligible"/> usable at all, when an algorithm found none in its structure.</summary>
    public static ServerState? FirstOf(IReadOnlyList<ServerState> eligible) => eligible.Count == 0 ? null : eligible[0];
}
