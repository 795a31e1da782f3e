namespace Proxy.LoadBalancing;

/// <summary>
/// Key extraction for a hashing algorithm: finds the key in the request and hashes it. Kept apart from the mapping
/// of hashes to servers (<see cref="MapTable"/>, <see cref="ConsistentRing"/>) so each can be tested alone.
/// </summary>
internal interface IKeyHasher
{
    /// <summary>False when the request carries no key (haproxy 2.6 then falls back to round robin).</summary>
    bool TryHash(in BalanceContext context, HashSettings settings, out uint hash);
}
