using System.Net;
using System.Text.RegularExpressions;
using Proxy.Http.Conditions;

namespace Proxy.Http.Maps;

/// <summary>
/// A map file's entries prepared for one kind of match, once, when the runtime is built. Observed on haproxy 2.6.12:
/// `map_beg` and `map_ip` pick the longest (most specific) key, `map_str` the exact key, and the list-based matches
/// (`map_sub`, `map_dir`, `map_dom`, `map_end`, `map_reg`) the first key in file order. Keys are case-sensitive.
/// </summary>
internal sealed class MapLookup
{
    private readonly MapMatch _match;
    private readonly MapEntry[] _entries;
    private readonly Dictionary<string, string>? _exact;
    private readonly IStringMatch[]? _matchers;
    private readonly (IPNetwork Network, string Value)[]? _networks;

    private MapLookup(MapMatch match, IReadOnlyList<MapEntry> entries, out string? error)
    {
        error = null;
        _match = match;
        _entries = [.. entries];
        switch (match)
        {
            case MapMatch.Str:
                _exact = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var entry in _entries)
                {
                    _exact.TryAdd(entry.Key, entry.Value);
                }

                break;
            case MapMatch.Sub or MapMatch.Dir or MapMatch.Dom or MapMatch.End or MapMatch.Reg:
                _matchers = new IStringMatch[_entries.Length];
                for (var i = 0; i < _entries.Length; i++)
                {
                    string[] key = [_entries[i].Key];
                    _matchers[i] = match switch
                    {
                        MapMatch.Sub => new SubstringMatch(key, StringComparison.Ordinal),
                        MapMatch.Dir => WordMatch.Directory(key, StringComparison.Ordinal),
                        MapMatch.Dom => WordMatch.Domain(key, StringComparison.Ordinal),
                        MapMatch.End => new SuffixMatch(key, StringComparison.Ordinal),
                        _ => Regex(key[0], ref error),
                    };
                }

                break;
            case MapMatch.Ip:
                var networks = new List<(IPNetwork, string)>();
                foreach (var entry in _entries)
                {
                    if (!TryNetwork(entry.Key, out var network))
                    {
                        error ??= $"'{entry.Key}' is not a valid IPv4 or IPv6 address";
                        continue;
                    }

                    networks.Add((network, entry.Value));
                }

                _networks = [.. networks];
                break;
        }
    }

    /// <summary>The lookup, or null with haproxy's reason when a key cannot be used for this match.</summary>
    public static MapLookup? Create(MapMatch match, IReadOnlyList<MapEntry> entries, out string? error)
    {
        var lookup = new MapLookup(match, entries, out error);
        return error is null ? lookup : null;
    }

    /// <summary>The value of the entry the sample matches, or null when none does.</summary>
    public string? Find(string sample)
    {
        switch (_match)
        {
            case MapMatch.Str:
                return _exact!.GetValueOrDefault(sample);
            case MapMatch.Beg:
                string? best = null;
                var length = -1;
                foreach (var entry in _entries)
                {
                    if (entry.Key.Length > length && sample.StartsWith(entry.Key, StringComparison.Ordinal))
                    {
                        (best, length) = (entry.Value, entry.Key.Length);
                    }
                }

                return best;
            case MapMatch.Ip:
                return FindNetwork(sample);
            default:
                for (var i = 0; i < _matchers!.Length; i++)
                {
                    if (_matchers[i].Matches(sample))
                    {
                        return _entries[i].Value;
                    }
                }

                return null;
        }
    }

    private string? FindNetwork(string sample)
    {
        if (!IPAddress.TryParse(sample, out var address))
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        string? best = null;
        var length = -1;
        foreach (var (network, value) in _networks!)
        {
            if (network.PrefixLength > length && network.Contains(address))
            {
                (best, length) = (value, network.PrefixLength);
            }
        }

        return best;
    }

    // "10.0.0.0/8", "10.1.2.3/8" (host bits dropped, as haproxy does), "10.0.0.0/255.0.0.0", or one address.
    private static bool TryNetwork(string key, out IPNetwork network)
    {
        network = default;
        var slash = key.IndexOf('/');
        if (!IPAddress.TryParse(slash < 0 ? key : key[..slash], out var address))
        {
            return false;
        }

        var bits = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        var prefix = bits;
        if (slash >= 0)
        {
            var mask = key[(slash + 1)..];
            if (int.TryParse(mask, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length) && length <= bits)
            {
                prefix = length;
            }
            else if (bits == 32 && IPAddress.TryParse(mask, out var dotted) && MaskLength(dotted.GetAddressBytes()) is { } fromMask)
            {
                prefix = fromMask;
            }
            else
            {
                return false;
            }
        }

        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        network = new IPNetwork(new IPAddress(bytes), prefix);
        return true;
    }

    private static int? MaskLength(byte[] mask)
    {
        var length = 0;
        var ended = false;
        foreach (var b in mask)
        {
            for (var bit = 7; bit >= 0; bit--)
            {
                var set = (b >> bit & 1) == 1;
                if (set && ended)
                {
                    return null;
                }

                ended |= !set;
                length += set ? 1 : 0;
            }
        }

        return length;
    }

    private static RegexMatch Regex(string pattern, ref string? error)
    {
        try
        {
            return new RegexMatch([new Regex(pattern, RegexOptions.CultureInvariant)]);
        }
        catch (ArgumentException e)
        {
            error ??= $"regex '{pattern}' is invalid: {e.Message}";
            return new RegexMatch([]);
        }
    }
}
