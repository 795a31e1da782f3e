using System.Text.RegularExpressions;

namespace ConfigParser.Keepalived.Lexing;

/// <summary>
/// Expands an `include` argument the way keepalived does with glob(3): `*`, `?` and `[...]` in any path segment,
/// results sorted. A relative pattern is taken from the directory of the including file (observed: keepalived
/// 2.2.7 found `inc/x.conf` from `sub/main.conf` whatever the working directory), and the results keep the
/// pattern's spelling, which is how keepalived names the file in its messages.
/// </summary>
internal static class IncludeGlob
{
    /// <summary>True when the pattern has a glob metacharacter.</summary>
    public static bool HasWildcards(string pattern) => pattern.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>The matches as (display name, full path), sorted by display name; never throws.</summary>
    public static List<(string Display, string FullPath)> Expand(string pattern, string baseDirectory)
    {
        var results = new List<(string, string)>();
        try
        {
            var rooted = Path.IsPathRooted(pattern);
            var segments = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var start = rooted ? "/" : baseDirectory;
            Walk(start, rooted ? "/" : string.Empty, segments, 0, results);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or RegexParseException)
        {
            // An unreadable directory or a malformed pattern matches nothing, as glob(3) reports no match.
        }

        results.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return results;
    }

    private static void Walk(string dir, string display, string[] segments, int index, List<(string, string)> results)
    {
        if (index == segments.Length)
        {
            if (File.Exists(dir))
            {
                results.Add((display, dir));
            }

            return;
        }

        var segment = segments[index];
        if (!HasWildcards(segment))
        {
            Walk(Path.Combine(dir, segment), Join(display, segment), segments, index + 1, results);
            return;
        }

        if (!Directory.Exists(dir))
        {
            return;
        }

        var regex = new Regex("^" + ToRegex(segment) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        foreach (var entry in Directory.EnumerateFileSystemEntries(dir))
        {
            var name = Path.GetFileName(entry);
            if (name.StartsWith('.') && !segment.StartsWith('.'))
            {
                continue;
            }

            if (regex.IsMatch(name))
            {
                Walk(entry, Join(display, name), segments, index + 1, results);
            }
        }
    }

    private static string Join(string display, string name)
        => display.Length == 0 ? name : display.EndsWith('/') ? display + name : display + "/" + name;

    private static string ToRegex(string segment)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            switch (c)
            {
                case '*':
                    sb.Append(".*");
                    break;
                case '?':
                    sb.Append('.');
                    break;
                case '[':
                    var close = segment.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        sb.Append(@"\[");
                        break;
                    }

                    var body = segment[(i + 1)..close];
                    if (body.StartsWith('!'))
                    {
                        body = "^" + body[1..];
                    }

                    sb.Append('[').Append(body.Replace(@"\", @"\\")).Append(']');
                    i = close;
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return sb.ToString();
    }
}
