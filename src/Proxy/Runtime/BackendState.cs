using ConfigParser.Model;
using Proxy.Http;
using Proxy.Http.Rules;
using Proxy.LoadBalancing;
using Yarp.ReverseProxy.Forwarder;

namespace Proxy.Runtime;

/// <summary>One backend at run time: its servers, its balancer, and the client and settings to reach them.</summary>
internal sealed class BackendState(
    BackendSection definition,
    ServerPool pool,
    HttpRuleSet rules,
    IBalancer balancer,
    HttpMessageInvoker invoker,
    ForwarderRequestConfig requestConfig,
    TimeProvider time)
{
    public BackendSection Definition { get; } = definition;

    public string Name => Definition.Name;

    public IReadOnlyList<ServerState> Servers => Pool.All;

    /// <summary>Decides which servers take balanced traffic (usable, weight above 0, actives before backups).</summary>
    public ServerPool Pool { get; } = pool;

    /// <summary>Servers the balancer may pick now (see <see cref="ServerPool"/>); a new list after each state change.</summary>
    public IReadOnlyList<ServerState> Eligible => Pool.Current.Servers;

    /// <summary>The backend's own `http-request` rules (applied after the frontend's), `http-response` rules and forwardfor.</summary>
    public HttpRuleSet Rules { get; } = rules;

    public IBalancer Balancer { get; } = balancer;

    /// <summary>One shared connection pool per backend (YARP's recommendation for IHttpForwarder).</summary>
    public HttpMessageInvoker Invoker { get; } = invoker;

    public ForwarderRequestConfig RequestConfig { get; } = requestConfig;

    /// <summary>The clock for queue timeouts and retry turn-arounds.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>`retries`, `option redispatch`, `retry-on`.</summary>
    public RetryPolicy Retry { get; } = RetryPolicy.For(definition);

    private long _cumulatedSessions;

    /// <summary>Requests this backend took since start (haproxy's cum_conn of a backend, "BE:" of the stop line).</summary>
    public long CumulatedSessions => Interlocked.Read(ref _cumulatedSessions);

    /// <summary>Counts one request assigned to this backend.</summary>
    public void CountSession() => Interlocked.Increment(ref _cumulatedSessions);

    /// <summary>Server slots and queues; null when no server has a `maxconn` (nothing is ever queued).</summary>
    public BackendQueue? Queue { get; } = pool.All.Any(s => s.Definition.MaxConn > 0) ? new BackendQueue(pool.All, time) : null;

    /// <summary>haproxy 2.6: `timeout queue`, or `timeout connect` when unset; null waits forever.</summary>
    public TimeSpan? QueueTimeout { get; } = definition.Timeouts.Queue ?? definition.Timeouts.Connect;

    /// <summary>`timeout tunnel`: inactivity of upgraded connections (WebSocket); null when unset.</summary>
    public TimeSpan? TunnelTimeout { get; } = definition.Timeouts.Tunnel;

    /// <summary>`option abortonclose`: a client that leaves while queued or connecting also ends the server side.</summary>
    public bool AbortOnClose { get; } = definition.Options.LastOrDefault(o => o.Name == "abortonclose") is { Enabled: true };

    /// <summary>Gives back the slot a request held on <paramref name="server"/> (serving a queued request first).</summary>
    public void Release(ServerState server)
    {
        if (Queue is null)
        {
            server.EndRequest();
        }
        else
        {
            Queue.Release(server);
        }
    }
}
