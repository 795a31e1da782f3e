using System.Net;
using Microsoft.AspNetCore.Http;

namespace Proxy.LoadBalancing;

/// <summary>What a balancer may look at to pick a server (the request for hashing algorithms).</summary>
/// <param name="Http">The HTTP request; null for a TCP stream.</param>
internal readonly record struct BalanceContext(HttpContext? Http)
{
    /// <summary>The client address when there is no <see cref="Http"/> request (TCP mode), or to override it.</summary>
    public IPAddress? Source { get; init; }

    /// <summary>The bytes a TCP client sent so far (`rdp-cookie` looks for its cookie there).</summary>
    public ReadOnlyMemory<byte> Payload { get; init; }
}
