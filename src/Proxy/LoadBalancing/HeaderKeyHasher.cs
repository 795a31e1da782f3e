using Proxy.Http.Conditions;

namespace Proxy.LoadBalancing;

/// <summary>
/// `balance hdr(NAME) [use_domain_only]` (haproxy 2.6 src/backend.c get_server_hh): the first comma-delimited value of
/// the header's first occurrence; absent or empty means no key (round robin). `use_domain_only` hashes only the label
/// before the last dot ("haproxy.1wt.eu" → "1wt"; no dot: the whole value).
/// </summary>
internal sealed class HeaderKeyHasher(string name, bool useDomainOnly) : IKeyHasher
{
    public bool TryHash(in BalanceContext context, HashSettings settings, out uint hash)
    {
        hash = 0;
        if (context.Http is not { } http)
        {
            return false;
        }

        var values = new HeaderValues(http.Request.Headers[name], splitCommas: true);
        if (!values.MoveNext() || values.Current.IsEmpty)
        {
            return false;
        }

        hash = settings.Hash(useDomainOnly ? Domain(values.Current) : values.Current);
        return true;
    }

    /// <summary>
    /// The label before the last dot, or the whole value when it has no dot. As haproxy scans from the end, a dot in
    /// first position is not taken for the last one, nor is the character just before that dot for the one before.
    /// </summary>
    public static ReadOnlySpan<char> Domain(ReadOnlySpan<char> value)
    {
        var last = value.IsEmpty ? -1 : value[1..].LastIndexOf('.');
        if (last < 0)
        {
            return value;
        }

        last++;
        var start = value[..Math.Max(0, last - 1)].LastIndexOf('.') + 1;
        return value[start..last];
    }
}
