using ConfigParser.Keepalived.Model;

namespace ConfigParser.Keepalived.Parsing;

/// <summary>Reads `track_script` / `track_interface` lines: `NAME [weight N [reverse]]`.</summary>
internal static class TrackListParser
{
    /// <summary>The entries; a bad weight is reported as keepalived does and ignored (the entry stays, observed).</summary>
    public static List<TrackedItem> Parse(KeepalivedParseContext context, KeepalivedDirective block, string owner)
    {
        var result = new List<TrackedItem>();
        foreach (var line in block.Children)
        {
            int? weight = null;
            var at = line.Arguments.ToList().IndexOf("weight");
            if (at >= 0)
            {
                var probe = line with { Keyword = "weight", Arguments = line.Arguments.Skip(at + 1).ToArray() };
                var valid = ValueReader.TryInt(context, probe, 0, -254, 254, out var w);
                if (!valid || w is < -253 or > 253)
                {
                    // Observed: "(V) track script s: weight must be between [-253..253] inclusive, ignoring..."
                    var what = block.Keyword == "track_script" ? "track script" : "track interface";
                    context.Error(line.Location, $"({owner}) {what} {line.Keyword}: weight must be between [-253..253] inclusive, ignoring...", block.Keyword);
                }
                else
                {
                    weight = w;
                }
            }

            result.Add(new TrackedItem(line.Keyword, weight, line.Location));
        }

        return result;
    }
}
