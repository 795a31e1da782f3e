using ConfigParser.Model;

namespace Proxy.LoadBalancing;

/// <summary>`balance` keyword → a new balancer for one backend. Adding an algorithm adds one arm here.</summary>
internal static class BalancerFactory
{
    public static IBalancer Create(BalanceDefinition balance, int serverCount) => balance.Algorithm switch
    {
        BalanceAlgorithms.RoundRobin => new RoundRobinBalancer(serverCount),
        // The parser only lets implemented algorithms through, so this is a bug, not user input.
        _ => throw new InvalidOperationException($"balance '{balance.Algorithm}' has no implementation"),
    };
}
