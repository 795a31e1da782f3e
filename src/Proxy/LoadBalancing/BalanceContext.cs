using Microsoft.AspNetCore.Http;

namespace Proxy.LoadBalancing;

/// <summary>What a balancer may look at to pick a server (the request for hashing algorithms).</summary>
internal readonly record struct BalanceContext(HttpContext? Http);
