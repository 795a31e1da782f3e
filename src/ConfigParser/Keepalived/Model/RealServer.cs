using System.Net;
using ConfigParser.Diagnostics;

namespace ConfigParser.Keepalived.Model;

/// <summary>`real_server ADDR PORT { … }`.</summary>
public sealed record RealServer
{
    /// <summary>The address; null when it did not parse.</summary>
    public IPAddress? Address { get; init; }

    /// <summary>The port (0 when absent).</summary>
    public int Port { get; init; }

    /// <summary>Where the block starts.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>`weight` (default 1).</summary>
    public int Weight { get; init; } = 1;

    /// <summary>`inhibit_on_failure`.</summary>
    public bool InhibitOnFailure { get; init; }

    /// <summary>`notify_up`.</summary>
    public NotifyScript? NotifyUp { get; init; }

    /// <summary>`notify_down`.</summary>
    public NotifyScript? NotifyDown { get; init; }

    /// <summary>The checkers.</summary>
    public IReadOnlyList<HealthChecker> Checkers { get; init; } = [];

    /// <summary>Other known keywords, kept as read.</summary>
    public IReadOnlyList<KeepalivedDirective> Other { get; init; } = [];
}
