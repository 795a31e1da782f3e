namespace Proxy.Http.Maps;

/// <summary>
/// A map file as haproxy 2.6 reads it for the `map*` converters (src/pattern.c pat_ref_read_from_file_smp): one entry
/// per line, the key up to the first blank, the value the rest of the line; blank lines and lines starting with '#'
/// are skipped, and leading and trailing blanks dropped. Entries keep the file's order.
/// </summary>
internal sealed class MapFile
{
    private MapFile(string path, IReadOnlyList<MapEntry> entries) => (Path, Entries) = (path, entries);

    /// <summary>The file as named in the configuration (relative to the working directory, as in HAProxy).</summary>
    public string Path { get; }

    /// <summary>The entries, in file order.</summary>
    public IReadOnlyList<MapEntry> Entries { get; }

    /// <summary>Reads <paramref name="path"/>; null with haproxy's reason when it cannot be opened.</summary>
    public static MapFile? Load(string path, out string? error)
    {
        error = null;
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"failed to open pattern file <{path}>";
            return null;
        }

        return new MapFile(path, Parse(lines));
    }

    /// <summary>The entries of a map file's lines.</summary>
    public static IReadOnlyList<MapEntry> Parse(IEnumerable<string> lines)
    {
        var entries = new List<MapEntry>();
        foreach (var raw in lines)
        {
            var line = raw.Trim(' ', '\t', '\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var blank = line.IndexOfAny([' ', '\t']);
            entries.Add(blank < 0 ? new MapEntry(line, "") : new MapEntry(line[..blank], line[blank..].Trim(' ', '\t')));
        }

        return entries;
    }
}
