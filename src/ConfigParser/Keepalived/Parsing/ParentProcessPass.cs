using ConfigParser.Diagnostics;
using ConfigParser.Keepalived.Lexing;

namespace ConfigParser.Keepalived.Parsing;

/// <summary>
/// What keepalived 2.2.7's parent process says about the main file besides `global_defs` (observed, its lines read
/// "(Line N) …"): it walks the top level, skips every known block by counting braces, and reports unknown
/// top-level keywords, "Unexpected '{' - ignoring" (without entering that brace) and a top-level `}` as
/// "Unknown keyword '}'". Separately, a `}` that takes the raw brace depth below zero draws "Extra '}' found" from
/// the parent and the children alike.
/// </summary>
internal static class ParentProcessPass
{
    /// <summary>Adds the parent's messages and the brace-balance messages.</summary>
    public static void Run(IReadOnlyList<KeepalivedLine> lines, string mainFile, DiagnosticBag diagnostics)
    {
        var depth = 0;
        foreach (var line in lines)
        {
            foreach (var word in line.Words)
            {
                depth += word == "{" ? 1 : word == "}" ? -1 : 0;
                if (depth < 0)
                {
                    diagnostics.Warning(line.Location, "Extra '}' found", "}");
                    if (line.Location.File == mainFile)
                    {
                        diagnostics.Warning(line.Location, "Extra '}' found", "}", LocationPrefix.Bracket);
                    }

                    depth = 0;
                }
            }
        }

        if (depth > 0)
        {
            // Observed at the end of the file, without a location.
            diagnostics.Warning(null, $"There are {depth} missing '}}'s or extra '{{'s", "{");
        }

        var skip = 0;
        var main = lines.Where(l => l.Location.File == mainFile).ToList();
        foreach (var line in main)
        {
            var opens = line.Words[^1] == "{";
            if (skip > 0)
            {
                skip += line.Words.Count(w => w == "{") - line.Words.Count(w => w == "}");
                continue;
            }

            var keyword = line.Words[0];
            if (keyword != "{" && keyword != "}" && KeywordSchema.TryGet(BlockKind.Root, keyword, out _))
            {
                // Without a brace the block is not read; the lines that follow are top-level lines (observed).
                skip = opens ? 1 : 0;
                continue;
            }

            if (keyword == "{" && line.Words.Count == 1)
            {
                // The brace of a known block written on its own line.
                skip = 1;
                continue;
            }

            diagnostics.Warning(line.Location, $"Unknown keyword '{keyword}'", keyword, LocationPrefix.Bracket);
            if (opens && keyword != "{")
            {
                diagnostics.Warning(line.Location, "Unexpected '{' - ignoring", keyword, LocationPrefix.Bracket);
            }
        }
    }
}
