using ConfigParser.Model;
using Microsoft.AspNetCore.Http;
using Proxy.Http;

namespace Proxy.Runtime;

/// <summary>One frontend at run time: its prepared rules, its use_backend switches and the backend it sends to when none applies.</summary>
internal sealed class FrontendState(
    FrontendSection definition,
    IReadOnlyList<IHttpRequestAction> requestActions,
    IReadOnlyList<UseBackendSwitch> useBackends,
    BackendState? defaultBackend)
{
    public FrontendSection Definition { get; } = definition;

    public string Name => Definition.Name;

    /// <summary>`maxconn` of this frontend; null when unset.</summary>
    public ConnectionLimit? Connections { get; } = definition.MaxConn is { } max ? new ConnectionLimit(max) : null;

    /// <summary>`http-request` rules, in order.</summary>
    public IReadOnlyList<IHttpRequestAction> RequestActions { get; } = requestActions;

    // An array: SelectBackend runs on every request, and foreach over an interface would box an enumerator each time.
    private readonly UseBackendSwitch[] _useBackends = [.. useBackends];

    /// <summary>`use_backend` rules, in declaration order; the first that applies wins.</summary>
    public IReadOnlyList<UseBackendSwitch> UseBackends => _useBackends;

    /// <summary>`default_backend` (or a listen section's own servers); null means 503 for every request.</summary>
    public BackendState? DefaultBackend { get; } = defaultBackend;

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
                return rule.Backend;
            }
        }

        return DefaultBackend;
    }
}
