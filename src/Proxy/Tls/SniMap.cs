using System.Collections.Frozen;

namespace Proxy.Tls;

/// <summary>
/// The certificate choice per SNI name, built once at load: exact names first, then a wildcard "*.rest" matching
/// exactly one more label, then the default (the first certificate), unless strict-sni refuses the handshake
/// (haproxy 2.6 ssl_sock_switchctx_cbk). Lookups ignore case and do not allocate.
/// </summary>
internal sealed class SniMap<T>
    where T : class
{
    private readonly FrozenDictionary<string, T> _exact;
    private readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _exactLookup;
    private readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _wildcardLookup;

    public SniMap(IEnumerable<(string Name, T Value)> entries, T? fallback)
    {
        var exact = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        var wildcard = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in entries)
        {
            // The first certificate declaring a name keeps it, as haproxy's first-inserted SNI node wins.
            if (name.StartsWith("*.", StringComparison.Ordinal))
            {
                wildcard.TryAdd(name[2..], value);
            }
            else
            {
                exact.TryAdd(name, value);
            }
        }

        _exact = exact.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _exactLookup = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _wildcardLookup = wildcard.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        Default = fallback;
    }

    /// <summary>What a handshake without a matching name gets; null under strict-sni.</summary>
    public T? Default { get; }

    /// <summary>The entry for <paramref name="serverName"/>, else <see cref="Default"/>.</summary>
    public T? Find(string? serverName)
    {
        if (string.IsNullOrEmpty(serverName))
        {
            return Default;
        }

        var name = serverName.AsSpan().TrimEnd('.');
        if (_exactLookup.TryGetValue(name, out var found))
        {
            return found;
        }

        var dot = name.IndexOf('.');
        return dot > 0 && _wildcardLookup.TryGetValue(name[(dot + 1)..], out found) ? found : Default;
    }
}
