using ConfigParser.Diagnostics;

namespace ConfigParser.Keepalived.Model;

/// <summary>`vrrp_script NAME { … }`: a tracked check command.</summary>
public sealed record VrrpScript
{
    /// <summary>The script's name.</summary>
    public required string Name { get; init; }

    /// <summary>Where the block starts.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>Where the block's closing brace is (keepalived reports end-of-block problems there).</summary>
    public SourceLocation? End { get; init; }

    /// <summary>`script`: the command line (quotes removed).</summary>
    public string? Script { get; init; }

    /// <summary>`interval` in seconds (default 1).</summary>
    public double Interval { get; init; } = 1;

    /// <summary>`timeout` in seconds; null means keepalived's default (the interval).</summary>
    public double? Timeout { get; init; }

    /// <summary>`weight` (-253..253, default 0: failure means FAULT).</summary>
    public int Weight { get; init; }

    /// <summary>`weight … reverse`.</summary>
    public bool WeightReverse { get; init; }

    /// <summary>`rise` (default 1).</summary>
    public int Rise { get; init; } = 1;

    /// <summary>`fall` (default 1).</summary>
    public int Fall { get; init; } = 1;

    /// <summary>`user USER [GROUP]`: the user.</summary>
    public string? User { get; init; }

    /// <summary>`user USER [GROUP]`: the group.</summary>
    public string? Group { get; init; }
}
