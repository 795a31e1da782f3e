using ConfigParser.Model;

namespace Proxy.LoadBalancing;

/// <summary>`balance` keyword → a new balancer for one backend. Adding an algorithm adds one arm here.</summary>
internal static class BalancerFactory
{
    /// <summary>
    /// The balancer for <paramref name="backend"/>'s `balance` line over <paramref name="pool"/>, or null when the
    /// algorithm cannot run here (<paramref name="unsupported"/> then says why).
    /// </summary>
    /// <summary>
    /// True for haproxy 2.6's static algorithms (`static-rr`, map-based hashing): their weights are fixed at start, so
    /// an agent may only take a server to 0% or back to 100% (2.6.12 ignores "50%" there).
    /// </summary>
    public static bool IsStatic(BackendSection backend) => backend.Balance.Algorithm switch
    {
        BalanceAlgorithms.StaticRoundRobin => true,
        BalanceAlgorithms.Source or BalanceAlgorithms.Uri or BalanceAlgorithms.UrlParam or BalanceAlgorithms.Header
            or BalanceAlgorithms.RdpCookie or BalanceAlgorithms.Hash => !HashSettings.From(backend.HashType).Consistent,
        _ => false,
    };

    public static IBalancer? Create(BackendSection backend, ServerPool pool, Random random, out string? unsupported)
    {
        unsupported = null;
        var balance = backend.Balance;
        var hash = HashSettings.From(backend.HashType);
        var factor = backend.HashBalanceFactor;
        IKeyHasher? keys = balance.Algorithm switch
        {
            BalanceAlgorithms.Source => SourceKeyHasher.Instance,
            BalanceAlgorithms.Uri => new UriKeyHasher(balance.UriLength ?? 0, balance.UriDepth ?? 0, balance.UriWhole, balance.UriPathOnly),
            BalanceAlgorithms.UrlParam => new UrlParamKeyHasher(balance.Name ?? ""),
            BalanceAlgorithms.Header => new HeaderKeyHasher(balance.Name ?? "", balance.UseDomainOnly),
            BalanceAlgorithms.RdpCookie => new RdpCookieKeyHasher(balance.Name ?? "mstshash"),
            BalanceAlgorithms.Hash => SampleKeyHasher.Create(balance.HashSample, out unsupported),
            _ => null,
        };
        if (unsupported is not null)
        {
            return null;
        }

        return keys is not null ? new HashBalancer(pool, keys, hash, factor) : balance.Algorithm switch
        {
            BalanceAlgorithms.RoundRobin => new RoundRobinBalancer(pool),
            BalanceAlgorithms.StaticRoundRobin => new StaticRoundRobinBalancer(pool),
            BalanceAlgorithms.LeastConn => new LeastConnBalancer(pool),
            BalanceAlgorithms.First => new FirstBalancer(pool),
            BalanceAlgorithms.Random => new RandomBalancer(pool, balance.RandomDraws ?? 2, factor, random),
            // The parser only lets haproxy's algorithms through, so this is a bug, not user input.
            _ => throw new InvalidOperationException($"balance '{balance.Algorithm}' has no implementation"),
        };
    }
}
