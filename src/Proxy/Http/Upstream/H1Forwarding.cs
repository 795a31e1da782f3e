using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Proxy.Runtime;

namespace Proxy.Http.Upstream;

/// <summary>
/// Chooses, per request, between the HTTP/1.1 forwarder and YARP. The forwarder takes plain HTTP/1.x requests in
/// origin form to servers it has a pool for; upgrades (WebSocket), CONNECT, HTTP/2 clients and https:// servers
/// stay with YARP. PROXY_H1_FORWARDER=0 in the environment sends everything through YARP.
/// </summary>
internal static class H1Forwarding
{
    /// <summary>False when the environment turned the HTTP/1.1 forwarder off.</summary>
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("PROXY_H1_FORWARDER") is not ("0" or "false" or "off");

    /// <summary>The pool to send <paramref name="context"/>'s request to <paramref name="server"/> with, or null for YARP.</summary>
    public static H1ConnectionPool? PoolFor(HttpContext context, BackendState backend, ServerState server)
    {
        if (!Enabled || backend.Invoker is not UpstreamInvoker invoker)
        {
            return null;
        }

        var request = context.Request;
        if (!(HttpProtocol.IsHttp11(request.Protocol) || HttpProtocol.IsHttp10(request.Protocol)) || HttpMethods.IsConnect(request.Method)
            || context.Features.Get<IHttpUpgradeFeature>()?.IsUpgradableRequest == true)
        {
            return null;
        }

        if (Rules.RequestLineRewriter.Rewritten(context) is null && context.Features.Get<IHttpRequestFeature>()?.RawTarget is not ['/', ..])
        {
            // An absolute-form or asterisk target: YARP builds the request line for those.
            return null;
        }

        return invoker.H1.PoolFor(server);
    }
}
