namespace ConfigParser.Tls;

/// <summary>One line of a `crt-list` file: the certificate path and its SNI filters (`!name` excludes).</summary>
public sealed record CrtListEntry(string Path, IReadOnlyList<string> Filters, int Line)
{
    /// <summary>
    /// The lines of a crt-list (haproxy 2.6: "file [ssl options] [[!]filter …]", '#' comments). A bracketed per-line
    /// option block is reported through <paramref name="unsupported"/> since this proxy applies none of them.
    /// </summary>
    public static IReadOnlyList<CrtListEntry> Read(string listPath, string? crtBase, out (int Line, string Text)? unsupported)
    {
        unsupported = null;
        var entries = new List<CrtListEntry>();
        var number = 0;
        foreach (var raw in File.ReadLines(listPath))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var path = words[0];
            if (crtBase is not null && !path.StartsWith('/'))
            {
                path = $"{crtBase}/{path}";
            }

            var filters = new List<string>();
            for (var i = 1; i < words.Length; i++)
            {
                if (words[i].StartsWith('['))
                {
                    unsupported ??= (number, line);
                    while (i < words.Length && !words[i].EndsWith(']'))
                    {
                        i++;
                    }

                    continue;
                }

                filters.Add(words[i]);
            }

            entries.Add(new CrtListEntry(path, filters, number));
        }

        return entries;
    }
}
