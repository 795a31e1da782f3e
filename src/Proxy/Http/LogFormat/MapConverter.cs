using Proxy.Http.Maps;

namespace Proxy.Http.LogFormat;

/// <summary>
/// `map(FILE[,DEFAULT])` and `map_&lt;match&gt;(FILE[,DEFAULT])` (haproxy 2.6 configuration.txt §7.3.1): the value of the
/// map entry the sample matches, else DEFAULT, else no sample at all.
/// </summary>
internal sealed class MapConverter(MapLookup lookup, string? fallback) : ISampleConverter
{
    /// <summary>The match of a converter keyword: `map` and `map_str` are exact; null for another keyword.</summary>
    public static MapMatch? MatchOf(string name) => name switch
    {
        "map" or "map_str" or "map_str_str" => MapMatch.Str,
        "map_beg" or "map_beg_str" => MapMatch.Beg,
        "map_sub" or "map_sub_str" => MapMatch.Sub,
        "map_dir" or "map_dir_str" => MapMatch.Dir,
        "map_dom" or "map_dom_str" => MapMatch.Dom,
        "map_end" or "map_end_str" => MapMatch.End,
        "map_reg" or "map_reg_str" => MapMatch.Reg,
        "map_ip" or "map_ip_str" => MapMatch.Ip,
        _ => null,
    };

    /// <summary>The converter, or null with the reason (a file that cannot be read, a key that cannot be matched).</summary>
    public static MapConverter? Create(MapMatch match, IReadOnlyList<string> args, out string? error)
    {
        error = null;
        if (args.Count is < 1 or > 2 || args[0].Length == 0)
        {
            error = "expects a map file and an optional default value";
            return null;
        }

        if (MapFile.Load(args[0], out error) is not { } file || MapLookup.Create(match, file.Entries, out error) is not { } lookup)
        {
            return null;
        }

        return new MapConverter(lookup, args.Count == 2 ? args[1] : null);
    }

    public string? Convert(string value) => lookup.Find(value) ?? fallback;
}
