using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Rules;

/// <summary>
/// Removes headers so that the ones added afterwards still come last, as HAProxy appends them. The header
/// dictionaries of ASP.NET Core reuse a removed entry's slot for the next addition, which would put a later
/// `set-header` where the removed header was; after a removal the remaining headers are re-added in order instead.
/// </summary>
internal static class HeaderRemoval
{
    /// <summary>Removes every header whose name satisfies <paramref name="matches"/>; true when one was removed.</summary>
    public static bool Remove(IHeaderDictionary headers, Func<string, bool> matches)
    {
        var kept = new List<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>>(headers.Count);
        var removed = false;
        foreach (var header in headers)
        {
            if (matches(header.Key))
            {
                removed = true;
            }
            else
            {
                kept.Add(header);
            }
        }

        if (!removed)
        {
            return false;
        }

        headers.Clear();
        foreach (var (key, value) in kept)
        {
            headers[key] = value;
        }

        return true;
    }

    /// <summary>Removes the headers named <paramref name="name"/> (any case).</summary>
    public static bool Remove(IHeaderDictionary headers, string name)
        => headers.ContainsKey(name) && Remove(headers, key => string.Equals(key, name, StringComparison.OrdinalIgnoreCase));
}
