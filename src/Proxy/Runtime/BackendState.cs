using ConfigParser.Model;
using Proxy.Http.Rules;
using Proxy.LoadBalancing;
using Yarp.ReverseProxy.Forwarder;

namespace Proxy.Runtime;

/// <summary>One backend at run time: its servers, its balancer, and the client and settings to reach them.</summary>
internal sealed class BackendState(
    BackendSection definition,
    IReadOnlyList<ServerState> servers,
    HttpRuleSet rules,
    IBalancer balancer,
    HttpMessageInvoker invoker,
    ForwarderRequestConfig requestConfig)
{
    public BackendSection Definition { get; } = definition;

    public string Name => Definition.Name;

    public IReadOnlyList<ServerState> Servers { get; } = servers;

    /// <summary>Servers the balancer may pick: weight above 0 (health joins this with later work).</summary>
    public IReadOnlyList<ServerState> Eligible { get; } = [.. servers.Where(s => s.Weight > 0)];

    /// <summary>The backend's own `http-request` rules (applied after the frontend's), `http-response` rules and forwardfor.</summary>
    public HttpRuleSet Rules { get; } = rules;

    public IBalancer Balancer { get; } = balancer;

    /// <summary>One shared connection pool per backend (YARP's recommendation for IHttpForwarder).</summary>
    public HttpMessageInvoker Invoker { get; } = invoker;

    public ForwarderRequestConfig RequestConfig { get; } = requestConfig;
}
