using ConfigParser.Model.Conditions;

namespace ConfigParser.Conditions;

/// <summary>
/// `-f &lt;file&gt;`: one pattern per line; leading and trailing blanks are dropped, blank lines and lines starting
/// with '#' are skipped; with `-M` only the first word (the map key) is a pattern (src/pattern.c
/// `pat_ref_read_from_file`). A relative path is relative to the process's working directory, as in HAProxy.
/// </summary>
internal static class PatternFileReader
{
    /// <summary>Appends the file's patterns to <paramref name="patterns"/>; returns HAProxy's inner error, or null.</summary>
    public static string? Read(string path, MatchMethod match, AclFlags flags, List<AclPattern> patterns, bool dottedVersions = false)
    {
        string[] lines;
        try
        {
            lines = path.Length == 0 ? throw new FileNotFoundException() : File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"failed to open pattern file <{path}>";
        }

        for (var n = 0; n < lines.Length; n++)
        {
            var text = lines[n].Trim(' ', '\t', '\r');
            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }

            if (flags.LoadAsMap)
            {
                text = text.Split([' ', '\t'], 2)[0];
            }

            var (pattern, error) = dottedVersions ? DottedVersionParser.Parse(text) : PatternParser.Parse(text, match, flags.IgnoreCase);
            if (error is not null)
            {
                return $"{error} at line {n + 1} of file '{path}'";
            }

            if (pattern is not null)
            {
                patterns.Add(pattern);
            }
        }

        return null;
    }
}
