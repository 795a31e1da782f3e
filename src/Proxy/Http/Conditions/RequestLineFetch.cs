using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Conditions;

/// <summary>`url`, `path`, `query`, `method`, `req.ver` (haproxy 2.6 configuration.txt §7.3.6).</summary>
internal sealed class RequestLineFetch(RequestLinePart part) : IStringFetch
{
    public bool AnyMatches(HttpContext context, IStringMatch match)
    {
        switch (part)
        {
            case RequestLinePart.Url:
                return match.Matches(RequestTarget.Url(context));
            case RequestLinePart.Path:
                return RequestTarget.TryGetPath(RequestTarget.Url(context), out var path) && match.Matches(path);
            case RequestLinePart.Query:
                return RequestTarget.TryGetQuery(RequestTarget.Url(context), out var query) && match.Matches(query);
            case RequestLinePart.Method:
                return match.Matches(context.Request.Method);
            default:
                return match.Matches(Version(context.Request.Protocol));
        }
    }

    /// <summary>HAProxy reports HTTP/2 as "2.0" (its internal HTX start line); Kestrel says "HTTP/2".</summary>
    private static ReadOnlySpan<char> Version(string protocol) => protocol switch
    {
        "HTTP/1.0" => "1.0",
        "HTTP/1.1" => "1.1",
        "HTTP/2" or "HTTP/2.0" => "2.0",
        "HTTP/3" or "HTTP/3.0" => "3.0",
        _ => protocol.StartsWith("HTTP/", StringComparison.Ordinal) ? protocol.AsSpan(5) : protocol,
    };
}
