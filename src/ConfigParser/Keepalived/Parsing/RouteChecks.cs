using ConfigParser.Keepalived.Model;

namespace ConfigParser.Keepalived.Parsing;

/// <summary>
/// The checks keepalived 2.2.7 makes on `virtual_routes` / `static_routes` lines (observed wordings:
/// "WARNING - interface eth3 for VROUTE nexthop doesn't exist", "\"or\" for routes is deprecated. Please use
/// \"nexthop\"", "\"gw\" for routes is deprecated. Please use \"via\"", and for virtual routes without `dev`
/// "Warning - cannot track route 192.168.112.0/24 with no interface specified, not tracking").
/// </summary>
internal static class RouteChecks
{
    private static readonly HashSet<string> s_types = ["blackhole", "unreachable", "prohibit", "throw", "unicast", "local", "broadcast", "multicast", "nat", "anycast"];

    /// <summary>Reports what keepalived reports for each route line of the block.</summary>
    public static void Check(KeepalivedParseContext context, KeepalivedDirective block)
    {
        var tracked = block.Keyword == "virtual_routes";
        foreach (var line in block.Children)
        {
            var words = new List<string> { line.Keyword };
            words.AddRange(line.Arguments);
            string? destination = null;
            var hasDevice = false;
            for (var i = 0; i < words.Count; i++)
            {
                var word = words[i];
                var next = i + 1 < words.Count ? words[i + 1] : null;
                switch (word)
                {
                    case "dev" when next is not null:
                        hasDevice = true;
                        context.CheckInterface(next, line.Location, $"WARNING - interface {next} for VROUTE nexthop doesn't exist");
                        i++;
                        break;
                    case "or":
                        context.Warn(line.Location, "\"or\" for routes is deprecated. Please use \"nexthop\"", block.Keyword);
                        i++;
                        break;
                    case "gw":
                        context.Warn(line.Location, "\"gw\" for routes is deprecated. Please use \"via\"", block.Keyword);
                        i++;
                        break;
                    case "src" or "via" or "table" or "metric" or "proto" or "scope" or "mtu" or "realms" or "from" or "tos" or "to":
                        i++;
                        break;
                    default:
                        if (destination is null && !s_types.Contains(word))
                        {
                            destination = word.Contains('/') ? word : word + (word.Contains(':') ? "/128" : "/32");
                        }

                        break;
                }
            }

            if (tracked && !hasDevice && destination is not null)
            {
                context.Warn(line.Location, $"Warning - cannot track route {destination} with no interface specified, not tracking", block.Keyword);
            }
        }
    }
}
