using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Proxy.Runtime;
using Yarp.ReverseProxy.Forwarder;

namespace Proxy.Http;

/// <summary>
/// The forwarding settings for a request that asks to become a tunnel (HTTP/1.1 Upgrade, e.g. WebSocket; HTTP/2
/// extended CONNECT). haproxy 2.6: once the server switches protocols, `timeout tunnel` (from the backend) bounds the
/// idle tunnel in both directions and supersedes timeout client/server; without it timeout server still applies.
/// YARP has one inactivity timeout for the exchange, so an upgrade request gets a copy of the backend's settings
/// with that timeout (made once per backend).
/// </summary>
internal static class TunnelRequestConfig
{
    private static readonly ConditionalWeakTable<BackendState, ForwarderRequestConfig> Configs = new();

    /// <summary>The settings to forward <paramref name="context"/>'s request with.</summary>
    public static ForwarderRequestConfig For(HttpContext context, BackendState backend)
        => backend.Definition.Timeouts.Tunnel is not null && IsTunnelRequest(context)
            ? Configs.GetValue(backend, b => b.RequestConfig with { ActivityTimeout = b.Definition.Timeouts.Tunnel })
            : backend.RequestConfig;

    /// <summary>True for an HTTP/1.1 request carrying Upgrade, or an HTTP/2 extended CONNECT.</summary>
    public static bool IsTunnelRequest(HttpContext context)
        => context.Features.Get<IHttpUpgradeFeature>()?.IsUpgradableRequest == true
            || context.Features.Get<IHttpExtendedConnectFeature>()?.IsExtendedConnect == true;
}
