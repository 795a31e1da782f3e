using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Proxy.Http;

/// <summary>
/// Forwards the request as HAProxy does by default: the client's Host header and every other header are kept,
/// and nothing is added (no X-Forwarded-* unless configured; haproxy 2.6 configuration.txt, option forwardfor).
/// YARP's HttpTransformer.Default would replace Host and add X-Forwarded-*; the base class copies as-is.
/// The request target goes out as the client wrote it (<see cref="RawRequestTarget"/>).
/// </summary>
internal sealed class HaproxyRequestTransformer : HttpTransformer
{
    public static HaproxyRequestTransformer Instance { get; } = new();

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        proxyRequest.RequestUri ??= RawRequestTarget.Destination(httpContext, destinationPrefix);
    }
}
