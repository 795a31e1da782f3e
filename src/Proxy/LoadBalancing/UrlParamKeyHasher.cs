using Proxy.Http.Conditions;

namespace Proxy.LoadBalancing;

/// <summary>
/// `balance url_param NAME` (haproxy 2.6 src/backend.c get_server_ph): after the first '?', parameters split on '&amp;';
/// the first one whose name matches case-sensitively is hashed up to the next '&amp;' (an empty value hashes as empty).
/// No '?' or no such parameter: no key, round robin. `check_post` (looking into a POST body) is not applied here:
/// the body is not buffered before balancing, so such requests take the no-key path.
/// </summary>
internal sealed class UrlParamKeyHasher(string name) : IKeyHasher
{
    public bool TryHash(in BalanceContext context, HashSettings settings, out uint hash)
    {
        hash = 0;
        if (context.Http is not { } http || !TryFind(RequestTarget.Url(http), out var value))
        {
            return false;
        }

        hash = settings.Hash(value);
        return true;
    }

    /// <summary>The parameter's value in <paramref name="uri"/>, if present.</summary>
    public bool TryFind(ReadOnlySpan<char> uri, out ReadOnlySpan<char> value)
    {
        value = default;
        var mark = uri.IndexOf('?');
        if (mark < 0)
        {
            return false;
        }

        var rest = uri[(mark + 1)..];
        while (rest.Length > name.Length)
        {
            if (rest[name.Length] == '=' && rest.StartsWith(name, StringComparison.Ordinal))
            {
                value = rest[(name.Length + 1)..];
                var amp = value.IndexOf('&');
                if (amp >= 0)
                {
                    value = value[..amp];
                }

                return true;
            }

            var next = rest.IndexOf('&');
            if (next < 0)
            {
                return false;
            }

            rest = rest[(next + 1)..];
        }

        return false;
    }
}
