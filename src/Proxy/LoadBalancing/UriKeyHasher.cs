using Proxy.Http.Conditions;

namespace Proxy.LoadBalancing;

/// <summary>
/// `balance uri [len N] [depth N] [whole] [path-only]` (haproxy 2.6 src/backend.c get_server_uh): the request target
/// as received, from its first '/' with `path-only`, cut at `?` unless `whole`, at the Nth '/' after the first with
/// `depth N`, and after N characters with `len N`, whichever comes first. The URI always exists: never a fallback.
/// </summary>
internal sealed class UriKeyHasher(int length, int depth, bool whole, bool pathOnly) : IKeyHasher
{
    public bool TryHash(in BalanceContext context, HashSettings settings, out uint hash)
    {
        var uri = context.Http is { } http ? RequestTarget.Url(http).AsSpan() : default;
        hash = settings.Hash(Key(uri));
        return true;
    }

    /// <summary>The part of <paramref name="uri"/> that is hashed.</summary>
    public ReadOnlySpan<char> Key(ReadOnlySpan<char> uri)
    {
        if (pathOnly)
        {
            uri = Path(uri);
        }

        if (length > 0 && uri.Length > length)
        {
            uri = uri[..length];
        }

        // `depth N` stops at the (N+1)th slash, the first one being the path's root.
        var slashes = 0;
        for (var end = 0; end < uri.Length; end++)
        {
            var c = uri[end];
            if ((c == '/' && depth > 0 && ++slashes == depth + 1) || (c == '?' && !whole))
            {
                return uri[..end];
            }
        }

        return uri;
    }

    // haproxy 2.6 http_parse_path: origin-form as is; absolute-form from the first '/' after "scheme://authority",
    // nothing when there is no path.
    private static ReadOnlySpan<char> Path(ReadOnlySpan<char> uri)
    {
        if (uri.IsEmpty || uri[0] == '/')
        {
            return uri;
        }

        var scheme = uri.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return default;
        }

        var slash = uri[(scheme + 3)..].IndexOf('/');
        return slash < 0 ? default : uri[(scheme + 3 + slash)..];
    }
}
