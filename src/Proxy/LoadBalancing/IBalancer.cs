using Proxy.Runtime;

namespace Proxy.LoadBalancing;

/// <summary>
/// One `balance` algorithm. It receives only the servers that may take traffic; health and backup rules are
/// decided before it is called, never inside it.
/// </summary>
internal interface IBalancer
{
    /// <summary>Picks one of <paramref name="eligible"/>, or null when the list is empty.</summary>
    ServerState? Pick(in BalanceContext context, IReadOnlyList<ServerState> eligible);
}
