using Microsoft.AspNetCore.Http;
using Proxy.Runtime;

namespace Proxy.Logging;

/// <summary>
/// Where the handler sent the request (backend, server), kept on the HttpContext for the access log's %b/%s/%si.
/// Interim: the forwarding work's RequestOutcome carries the same and more; the access log takes either.
/// </summary>
internal sealed class AccessLogRoute
{
    /// <summary>The backend chosen.</summary>
    public BackendState? Backend { get; private set; }

    /// <summary>The server picked.</summary>
    public ServerState? Server { get; private set; }

    /// <summary>Records the backend and server of <paramref name="context"/>'s request.</summary>
    public static void Record(HttpContext context, BackendState backend, ServerState server)
        => context.Features.Set(new AccessLogRoute { Backend = backend, Server = server });

    /// <summary>The route recorded on <paramref name="context"/>, or null.</summary>
    public static AccessLogRoute? Of(HttpContext context) => context.Features.Get<AccessLogRoute>();
}
