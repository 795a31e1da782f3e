using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Proxy.Http.Conditions;

/// <summary>
/// Slices of the request target as received (HAProxy matches the raw URI, not a decoded path): `url`, `path`
/// (from the first '/' after any scheme://authority, up to '?') and `query` (after the first '?').
/// </summary>
internal static class RequestTarget
{
    /// <summary>The request target as written on the request line.</summary>
    public static string Url(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (!string.IsNullOrEmpty(raw))
        {
            return raw;
        }

        // Only a hand-built context lacks the raw target; rebuild it from the parsed parts.
        var request = context.Request;
        return request.PathBase.Add(request.Path).ToUriComponent() + request.QueryString.ToUriComponent();
    }

    /// <summary>haproxy 2.6 http_get_path(): false for `*` or an absolute URI without a path.</summary>
    public static bool TryGetPath(string url, out ReadOnlySpan<char> path)
    {
        var span = url.AsSpan();
        var start = 0;
        if (!span.StartsWith('/'))
        {
            var scheme = span.IndexOf("://", StringComparison.Ordinal);
            var slash = scheme < 0 ? -1 : span[(scheme + 3)..].IndexOf('/');
            if (slash < 0)
            {
                path = default;
                return false;
            }

            start = scheme + 3 + slash;
        }

        path = span[start..];
        var query = path.IndexOf('?');
        if (query >= 0)
        {
            path = path[..query];
        }

        return true;
    }

    /// <summary>haproxy 2.6 smp_fetch_query(): no '?' means no sample.</summary>
    public static bool TryGetQuery(string url, out ReadOnlySpan<char> query)
    {
        var mark = url.IndexOf('?', StringComparison.Ordinal);
        query = mark < 0 ? default : url.AsSpan(mark + 1);
        return mark >= 0;
    }
}
