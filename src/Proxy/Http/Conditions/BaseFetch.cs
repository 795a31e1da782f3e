using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Conditions;

/// <summary>
/// `base`: the first Host header followed by the path; the path alone without Host (haproxy 2.6 smp_fetch_base).
/// </summary>
internal sealed class BaseFetch : IStringFetch
{
    private const int StackLimit = 512;

    public bool AnyMatches(HttpContext context, IStringMatch match)
    {
        if (!RequestTarget.TryGetPath(RequestTarget.Url(context), out var path))
        {
            return false;
        }

        var hosts = context.Request.Headers.Host;
        if (hosts.Count == 0 || string.IsNullOrEmpty(hosts[0]))
        {
            return match.Matches(path);
        }

        var host = hosts[0]!;
        var length = host.Length + path.Length;
        char[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(length));
        host.AsSpan().CopyTo(buffer);
        path.CopyTo(buffer[host.Length..]);
        var result = match.Matches(buffer[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }
}
