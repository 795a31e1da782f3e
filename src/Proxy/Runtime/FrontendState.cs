using ConfigParser.Model;
using Microsoft.AspNetCore.Http;
using Proxy.Http;
using Proxy.Http.Rules;

namespace Proxy.Runtime;

/// <summary>One frontend at run time: its prepared rules, its use_backend switches and the backend it sends to when none applies.</summary>
internal sealed class FrontendState(
    FrontendSection definition,
    HttpRuleSet rules,
    IReadOnlyList<UseBackendSwitch> useBackends,
    BackendState? defaultBackend)
{
    public FrontendSection Definition { get; } = definition;

    public string Name => Definition.Name;

    /// <summary>`maxconn` of this frontend; null when unset.</summary>
    public ConnectionLimit? Connections { get; } = definition.MaxConn is { } max ? new ConnectionLimit(max) : null;

    private long _cumulatedConnections;

    /// <summary>Client connections accepted since start (haproxy's cum_conn, "FE:" of the stop line, stats' stot).</summary>
    public long CumulatedConnections => Interlocked.Read(ref _cumulatedConnections);

    /// <summary>Counts one accepted connection.</summary>
    public void CountConnection() => Interlocked.Increment(ref _cumulatedConnections);

    /// <summary>`http-request` and `http-response` rules, and forwardfor.</summary>
    public HttpRuleSet Rules { get; } = rules;

    // An array: SelectBackend runs on every request, and foreach over an interface would box an enumerator each time.
    private readonly UseBackendSwitch[] _useBackends = [.. useBackends];

    /// <summary>`use_backend` rules, in declaration order; the first that applies wins.</summary>
    public IReadOnlyList<UseBackendSwitch> UseBackends => _useBackends;

    /// <summary>`default_backend` (or a listen section's own servers); null means 503 for every request.</summary>
    public BackendState? DefaultBackend { get; } = defaultBackend;

    // One transformer per backend this frontend can send to, built once: it joins both sides' response rules and forwardfor.
    private readonly Dictionary<BackendState, HaproxyRequestTransformer> _transformers = useBackends.SelectMany(u => u.Targets)
        .Append(defaultBackend).OfType<BackendState>().Distinct()
        .ToDictionary(b => b, b => NewTransformer(rules, b));

    /// <summary>How requests from this frontend are forwarded to <paramref name="backend"/> and its answers returned.</summary>
    public HaproxyRequestTransformer TransformerFor(BackendState backend)
        => _transformers.TryGetValue(backend, out var transformer) ? transformer : NewTransformer(Rules, backend);

    // A listen section keeps its rules in the frontend half, so they run once (the backend half's lists are empty).
    // Connection modes, as haproxy 2.6.12 behaves: either side's http-server-close or httpclose closes the server
    // connection; only the frontend's httpclose closes the client's.
    private static HaproxyRequestTransformer NewTransformer(HttpRuleSet frontend, BackendState backend)
    {
        var forwardFor = ForwardFor.Combine(frontend.ForwardFor, backend.Rules.ForwardFor);
        var originalTo = ForwardFor.Combine(frontend.OriginalTo, backend.Rules.OriginalTo);
        var closeServer = frontend.Mode != HttpConnectionMode.KeepAlive || backend.Rules.Mode != HttpConnectionMode.KeepAlive;
        var closeClient = frontend.Mode == HttpConnectionMode.Close;
        return forwardFor is null && originalTo is null && backend.Rules.Response.Count == 0 && frontend.Response.Count == 0 && !closeServer
            ? HaproxyRequestTransformer.Instance
            : new HaproxyRequestTransformer(forwardFor, backend.Rules.Response, frontend.Response, closeServer, closeClient, originalTo);
    }

    /// <summary>
    /// The backend for this request: the first `use_backend` whose condition holds, else `default_backend`, else
    /// null (503) — haproxy 2.6 configuration.txt §4.2 use_backend.
    /// </summary>
    public BackendState? SelectBackend(HttpContext context)
    {
        foreach (var rule in _useBackends)
        {
            if (rule.Condition is null || rule.Condition.Matches(context))
            {
                return rule.Resolve(context) ?? DefaultBackend;
            }
        }

        return DefaultBackend;
    }
}
