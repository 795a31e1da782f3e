using ConfigParser.Diagnostics;

namespace ConfigParser.Keepalived.Model;

/// <summary>A `track_script` or `track_interface` entry: a name and an optional `weight`.</summary>
/// <param name="Name">The script or interface name.</param>
/// <param name="Weight">The weight override, if any.</param>
/// <param name="Location">Where the line is.</param>
public sealed record TrackedItem(string Name, int? Weight, SourceLocation Location);
