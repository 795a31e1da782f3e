using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Proxy.Http;

/// <summary>
/// Wraps the request's transformer to note, in the request's <see cref="RequestOutcome"/>, when the server's
/// response headers arrived (HAProxy's Tr). One instance per wrapped transformer, shared by every request.
/// </summary>
internal sealed class TimedTransformer(HttpTransformer inner, TimeProvider time) : HttpTransformer
{
    public HttpTransformer Inner { get; } = inner;

    public override ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
        => Inner.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);

    public override ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        if (proxyResponse is not null && httpContext.Features.Get<RequestOutcome>() is { } outcome)
        {
            outcome.ResponseHeadersTimestamp = time.GetTimestamp();
        }

        return Inner.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
    }

    public override ValueTask TransformResponseTrailersAsync(HttpContext httpContext, HttpResponseMessage proxyResponse, CancellationToken cancellationToken)
        => Inner.TransformResponseTrailersAsync(httpContext, proxyResponse, cancellationToken);
}
