using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

/// <summary>Balance contexts around hand-built requests.</summary>
internal static class Requests
{
    public static BalanceContext Get(string target, IPAddress? from = null, params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = target;
        context.Connection.RemoteIpAddress = from ?? IPAddress.Loopback;
        foreach (var (name, value) in headers)
        {
            context.Request.Headers.Append(name, value);
        }

        return new BalanceContext(context);
    }
}
