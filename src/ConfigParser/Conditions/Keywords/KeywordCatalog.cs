using ConfigParser.Model.Conditions;

namespace ConfigParser.Conditions.Keywords;

/// <summary>Lookup tables built once from <see cref="KeywordData"/>.</summary>
internal static class KeywordCatalog
{
    /// <summary>Sample fetches by name.</summary>
    public static IReadOnlyDictionary<string, FetchKeyword> Fetches { get; } = ReadFetches();

    /// <summary>Converters by name.</summary>
    public static IReadOnlyDictionary<string, ConverterKeyword> Converters { get; } = ReadConverters();

    /// <summary>ACL keywords by name; their fetch is always in <see cref="Fetches"/>.</summary>
    public static IReadOnlyDictionary<string, AclKeyword> AclKeywords { get; } = ReadAclKeywords();

    /// <summary>A type name of the listings ("sint", "ipv4"…).</summary>
    public static SampleType TypeOf(string name) => Enum.Parse<SampleType>(name, ignoreCase: true);

    /// <summary>A `-m` method name, or null when HAProxy does not know it.</summary>
    public static MatchMethod? MethodOf(string name)
        => name.Length > 0 && name.All(char.IsAsciiLetterLower) && Enum.TryParse<MatchMethod>(name, ignoreCase: true, out var m) ? m : null;

    private static IEnumerable<string> Lines(string data)
        => data.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // "name(args): type" or "name: type"
    private static (string Name, ArgumentSpec Args, string Tail) Head(string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        var head = line[..colon];
        var open = head.IndexOf('(', StringComparison.Ordinal);
        return open < 0
            ? (head, ArgumentSpec.None, line[(colon + 2)..])
            : (head[..open], ArgumentSpec.Parse(head[(open + 1)..^1]), line[(colon + 2)..]);
    }

    // "YY.Y… name(args): type": the capability word first, one flag per SampleContexts bit.
    private static Dictionary<string, FetchKeyword> ReadFetches() => Lines(KeywordData.Fetches).Select(line =>
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var validIn = SampleContexts.None;
        for (var i = 0; i < space; i++)
        {
            validIn |= line[i] == 'Y' ? (SampleContexts)(1 << i) : SampleContexts.None;
        }

        var h = Head(line[(space + 1)..]);
        return new FetchKeyword(h.Name, h.Args, TypeOf(h.Tail), validIn);
    }).ToDictionary(f => f.Name, StringComparer.Ordinal);

    private static Dictionary<string, ConverterKeyword> ReadConverters() => Lines(KeywordData.Converters).Select(Head).ToDictionary(
        h => h.Name,
        h =>
        {
            // The listing prints the output type first: "ipmask(…): ipv4 => addr" takes an addr and returns an ipv4.
            var types = h.Tail.Split(" => ");
            return new ConverterKeyword(h.Name, h.Args, Input: TypeOf(types[1]), Output: TypeOf(types[0]));
        },
        StringComparer.Ordinal);

    // "path_beg = path -m beg"
    private static Dictionary<string, AclKeyword> ReadAclKeywords() => Lines(KeywordData.AclKeywords).Select(line =>
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new AclKeyword(words[0], words[2], MethodOf(words[4])!.Value);
    }).ToDictionary(k => k.Name, StringComparer.Ordinal);
}
