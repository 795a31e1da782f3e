namespace ConfigParser.Lexing;

/// <summary>
/// Follows the section keywords of one file for the reader: the value of ${.SECTION} and whether the global
/// section (where setenv and its siblings live) is open. Checked with `haproxy -c`: ${.SECTION} is the word after
/// the keyword, or the keyword itself when there is none ("global", "defaults", "namespace_list").
/// </summary>
internal sealed class SectionTracker
{
    /// <summary>The section keywords of HAProxy 2.6 (spec §5.1; src/cfgparse.c REGISTER_CONFIG_SECTION calls).</summary>
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "global", "defaults", "frontend", "backend", "listen", "userlist", "peers", "resolvers", "mailers", "program",
        "http-errors", "ring", "cache", "log-forward", "fcgi-app", "namespace_list",
    };

    /// <summary>${.SECTION}: null before the first section keyword of the file.</summary>
    public string? Name { get; private set; }

    /// <summary>True while the global section is open.</summary>
    public bool IsGlobal { get; private set; }

    /// <summary>Notes a section keyword; other lines change nothing.</summary>
    public void See(ConfigLine line)
    {
        if (!Keywords.Contains(line.Keyword))
        {
            return;
        }

        Name = line[1].Length > 0 ? line[1] : line.Keyword;
        IsGlobal = line.Keyword == "global";
    }
}
