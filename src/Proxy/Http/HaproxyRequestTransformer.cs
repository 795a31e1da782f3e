using Microsoft.AspNetCore.Http;
using Proxy.Http.Rules;
using Yarp.ReverseProxy.Forwarder;

namespace Proxy.Http;

/// <summary>
/// Forwards the request as HAProxy does: the client's Host header and every other header are kept (YARP's
/// HttpTransformer.Default would replace Host and add X-Forwarded-*; the base class copies as-is), a target rewritten
/// by `set-path`/`set-query`/`set-uri` goes out raw, `option forwardfor` / `originalto` append their headers, and the server's answer
/// passes through the backend's then the frontend's `http-response` rules (haproxy 2.6 src/http_ana.c
/// http_process_res_common) before it reaches the client. One instance per frontend and backend pair.
/// Otherwise the request target goes out as the client wrote it (<see cref="RawRequestTarget"/>).
/// </summary>
internal sealed class HaproxyRequestTransformer(
    ForwardFor? forwardFor, HttpRuleList backendResponse, HttpRuleList frontendResponse, bool closeServer = false, bool closeClient = false,
    ForwardFor? originalTo = null) : HttpTransformer
{
    /// <summary>No forwardfor, no response rules, keep-alive.</summary>
    public static HaproxyRequestTransformer Instance { get; } = new(null, HttpRuleList.Empty, HttpRuleList.Empty);

    private static readonly UriCreationOptions RawUri = new() { DangerousDisablePathAndQueryCanonicalization = true };

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        if (RequestLineRewriter.Rewritten(httpContext) is { } target)
        {
            // An absolute target (set-uri http://host/x) goes to the server as its path; the server is still the one picked.
            var path = target.StartsWith('/') ? target
                : Conditions.RequestTarget.TryGetPath(target, out var p) ? p.ToString() + QueryOf(target) : "/";
            if (Uri.TryCreate(destinationPrefix.TrimEnd('/') + path, RawUri, out var uri))
            {
                proxyRequest.RequestUri = uri;
            }
        }
        else
        {
            proxyRequest.RequestUri ??= RawRequestTarget.Destination(httpContext, destinationPrefix);
        }

        // haproxy 2.6 adds X-Forwarded-For, then X-Original-To.
        if (forwardFor?.ValueFor(httpContext) is { } address)
        {
            proxyRequest.Headers.TryAddWithoutValidation(forwardFor.Header, address);
        }

        if (originalTo?.ValueFor(httpContext) is { } destination)
        {
            proxyRequest.Headers.TryAddWithoutValidation(originalTo.Header, destination);
        }

        if (closeServer)
        {
            // http-server-close and httpclose: the server is told, and the pooled connection is dropped after the response.
            proxyRequest.Headers.ConnectionClose = true;
        }
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        var proceed = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        if (proxyResponse is null || !proceed)
        {
            return proceed;
        }

        if (closeClient)
        {
            // httpclose: Kestrel closes the client connection after a response that says so.
            httpContext.Response.Headers.Connection = "close";
        }

        // A rule that answered (deny) wrote its own response: the server's body is not copied.
        return !await backendResponse.RunAsync(httpContext) && !await frontendResponse.RunAsync(httpContext);
    }

    private static string QueryOf(string target)
    {
        var mark = target.IndexOf('?', StringComparison.Ordinal);
        return mark < 0 ? "" : target[mark..];
    }
}
