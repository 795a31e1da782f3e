using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Conditions;

/// <summary>
/// `url_param(name)` / `urlp(name)`: each value of a `name=value` pair in the query string, pairs being separated by
/// '&amp;' or ';' (haproxy 2.6 src/http.c is_param_delimiter). Names compare case-sensitively; an empty name takes any.
/// </summary>
internal sealed class UrlParameterFetch(string name) : IStringFetch
{
    public bool AnyMatches(HttpContext context, IStringMatch match)
    {
        if (!RequestTarget.TryGetQuery(RequestTarget.Url(context), out var rest))
        {
            return false;
        }

        while (!rest.IsEmpty)
        {
            var end = rest.IndexOfAny('&', ';', '?');
            var pair = end < 0 ? rest : rest[..end];
            rest = end < 0 ? default : rest[(end + 1)..];
            var equals = pair.IndexOf('=');
            if (equals >= 0 && (name.Length == 0 || pair[..equals].SequenceEqual(name)) && match.Matches(pair[(equals + 1)..]))
            {
                return true;
            }
        }

        return false;
    }
}
