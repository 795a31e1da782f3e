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
            var path = OriginForm(target);
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

        return await RespondAsync(httpContext);
    }

    /// <summary>
    /// What follows the copy of the server's response headers: httpclose's Connection header, then the backend's
    /// and the frontend's `http-response` rules. False when a rule answered (deny): the server's body is not copied.
    /// </summary>
    public ValueTask<bool> RespondAsync(HttpContext httpContext)
    {
        if (closeClient)
        {
            // httpclose: Kestrel closes the client connection after a response that says so.
            httpContext.Response.Headers.Connection = "close";
        }

        return backendResponse.Count == 0 && frontendResponse.Count == 0 ? ValueTask.FromResult(true) : RunResponseRulesAsync(httpContext);
    }

    /// <summary>The request head's additions for <paramref name="httpContext"/> (HTTP/1.1 forwarder).</summary>
    public Upstream.H1RequestExtras ExtrasFor(HttpContext httpContext)
        => new(forwardFor?.Header, forwardFor?.ValueFor(httpContext), originalTo?.Header, originalTo?.ValueFor(httpContext), closeServer);

    /// <summary>The origin-form target for a target rewritten by set-path/set-uri (an absolute one keeps its path and query).</summary>
    public static string OriginForm(string target)
        => target.StartsWith('/') ? target
            : Conditions.RequestTarget.TryGetPath(target, out var p) ? p.ToString() + QueryOf(target) : "/";

    private async ValueTask<bool> RunResponseRulesAsync(HttpContext httpContext)
        => !await backendResponse.RunAsync(httpContext) && !await frontendResponse.RunAsync(httpContext);

    private static string QueryOf(string target)
    {
        var mark = target.IndexOf('?', StringComparison.Ordinal);
        return mark < 0 ? "" : target[mark..];
    }
}
