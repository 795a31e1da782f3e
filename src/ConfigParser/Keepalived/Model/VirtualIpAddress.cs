using System.Net;
using ConfigParser.Diagnostics;

namespace ConfigParser.Keepalived.Model;

/// <summary>One `virtual_ipaddress` line: `ADDR[/PREFIX] [brd X] [dev IF] [scope S] [label L] …`.</summary>
public sealed record VirtualIpAddress
{
    /// <summary>The address.</summary>
    public required IPAddress Address { get; init; }

    /// <summary>The prefix length (32 or 128 when not given).</summary>
    public required int PrefixLength { get; init; }

    /// <summary>`dev`: the interface; null means the instance's interface.</summary>
    public string? Device { get; init; }

    /// <summary>`label`.</summary>
    public string? Label { get; init; }

    /// <summary>`brd`.</summary>
    public IPAddress? Broadcast { get; init; }

    /// <summary>`scope`.</summary>
    public string? Scope { get; init; }

    /// <summary>Other words after the address, kept as read (`no_track`, `preferred_lft`, …).</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>Where the line is.</summary>
    public required SourceLocation Location { get; init; }
}
