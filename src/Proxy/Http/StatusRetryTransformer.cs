using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Proxy.Http;

/// <summary>
/// `retry-on &lt;status&gt;` (haproxy 2.6 L7 retries): wraps the request's transformer for one attempt and, when the
/// server's status is one to retry while retries remain, keeps the response from reaching the client (YARP then
/// discards it) and records the status, so the handler tries again. Used only when such a status is configured.
/// </summary>
internal sealed class StatusRetryTransformer(HttpTransformer inner, RetryPolicy policy, int retriesDone, bool hasBody) : HttpTransformer
{
    /// <summary>The status held back for a retry; null when the response went through.</summary>
    public int? HeldBackStatus { get; private set; }

    public override ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
        => inner.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);

    public override ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        if (proxyResponse is not null && policy.MayRetry((int)proxyResponse.StatusCode, retriesDone, hasBody))
        {
            HeldBackStatus = (int)proxyResponse.StatusCode;
            return ValueTask.FromResult(false);
        }

        return inner.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
    }

    public override ValueTask TransformResponseTrailersAsync(HttpContext httpContext, HttpResponseMessage proxyResponse, CancellationToken cancellationToken)
        => inner.TransformResponseTrailersAsync(httpContext, proxyResponse, cancellationToken);
}
