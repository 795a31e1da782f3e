using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Proxy.Http.Conditions;

namespace Proxy.Http.Rules;

/// <summary>
/// Replaces the request target as the server will receive it. HAProxy forwards the target byte for byte, so the new
/// one is kept raw (IHttpRequestFeature.RawTarget, which later fetches read) and marked for the forwarding transform;
/// Path and QueryString follow for code that reads them.
/// </summary>
internal static class RequestLineRewriter
{
    /// <summary>The raw target to send when a rule rewrote it, else null (the request goes as received).</summary>
    // A feature rather than HttpContext.Items: reading Items would allocate its dictionary on every request.
    public static string? Rewritten(HttpContext context) => context.Features.Get<RewrittenTarget>()?.Target;

    /// <summary>Makes <paramref name="target"/> (origin form, "/path?query") the request's target.</summary>
    public static void SetTarget(HttpContext context, string target)
    {
        if (context.Features.Get<IHttpRequestFeature>() is { } feature)
        {
            feature.RawTarget = target;
        }

        var request = context.Request;
        var query = target.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? target : target[..query];
        request.PathBase = PathString.Empty;
        request.Path = path.StartsWith('/') ? PathString.FromUriComponent(path) : PathString.Empty;
        request.QueryString = query < 0 ? QueryString.Empty : new QueryString(target[query..]);
        context.Features.Set(new RewrittenTarget(target));
    }

    /// <summary>The current target split into scheme://authority (absolute form only), path and "?query" (with its '?').</summary>
    public static (string Authority, string Path, string Query) Split(HttpContext context)
    {
        var url = RequestTarget.Url(context);
        var mark = url.IndexOf('?', StringComparison.Ordinal);
        var beforeQuery = mark < 0 ? url : url[..mark];
        var query = mark < 0 ? "" : url[mark..];
        var authority = "";
        if (!beforeQuery.StartsWith('/') && beforeQuery.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0)
        {
            var slash = beforeQuery.IndexOf('/', scheme + 3);
            authority = slash < 0 ? beforeQuery : beforeQuery[..slash];
            beforeQuery = slash < 0 ? "" : beforeQuery[slash..];
        }

        return (authority, beforeQuery, query);
    }

    private sealed record RewrittenTarget(string Target);
}
