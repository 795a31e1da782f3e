using ConfigParser.Model;
using Proxy.Http;
using Proxy.LoadBalancing;
using Yarp.ReverseProxy.Forwarder;

namespace Proxy.Runtime;

/// <summary>One backend at run time: its servers, its balancer, and the client and settings to reach them.</summary>
internal sealed class BackendState(
    BackendSection definition,
    ServerPool pool,
    IReadOnlyList<IHttpRequestAction> requestActions,
    IBalancer balancer,
    HttpMessageInvoker invoker,
    ForwarderRequestConfig requestConfig)
{
    public BackendSection Definition { get; } = definition;

    public string Name => Definition.Name;

    public IReadOnlyList<ServerState> Servers => Pool.All;

    /// <summary>Decides which servers take balanced traffic (usable, weight above 0, actives before backups).</summary>
    public ServerPool Pool { get; } = pool;

    /// <summary>Servers the balancer may pick now (see <see cref="ServerPool"/>); a new list after each state change.</summary>
    public IReadOnlyList<ServerState> Eligible => Pool.Current.Servers;

    /// <summary>The backend's own `http-request` rules, applied after the frontend's.</summary>
    public IReadOnlyList<IHttpRequestAction> RequestActions { get; } = requestActions;

    public IBalancer Balancer { get; } = balancer;

    /// <summary>One shared connection pool per backend (YARP's recommendation for IHttpForwarder).</summary>
    public HttpMessageInvoker Invoker { get; } = invoker;

    public ForwarderRequestConfig RequestConfig { get; } = requestConfig;
}
