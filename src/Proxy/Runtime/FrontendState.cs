using ConfigParser.Model;
using Proxy.Http;

namespace Proxy.Runtime;

/// <summary>One frontend at run time: its prepared rules and the backend it sends to when no rule answers.</summary>
internal sealed class FrontendState(FrontendSection definition, IReadOnlyList<IHttpRequestAction> requestActions, BackendState? defaultBackend)
{
    public FrontendSection Definition { get; } = definition;

    public string Name => Definition.Name;

    /// <summary>`http-request` rules, in order.</summary>
    public IReadOnlyList<IHttpRequestAction> RequestActions { get; } = requestActions;

    /// <summary>`default_backend` (or a listen section's own servers); null means 503 for every request.</summary>
    public BackendState? DefaultBackend { get; } = defaultBackend;
}
