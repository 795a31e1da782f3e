using ConfigParser.Model;

namespace Proxy.LoadBalancing;

/// <summary>`balance` keyword → a new balancer for one backend. Adding an algorithm adds one arm here.</summary>
internal static class BalancerFactory
{
    /// <summary>
    /// The balancer for <paramref name="backend"/>'s `balance` line over <paramref name="pool"/>, or null when the
    /// algorithm cannot run here (<paramref name="unsupported"/> then says why).
    /// </summary>
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
