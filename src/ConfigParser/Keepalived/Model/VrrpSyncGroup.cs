using ConfigParser.Diagnostics;

namespace ConfigParser.Keepalived.Model;

/// <summary>`vrrp_sync_group NAME { group { … } … }`.</summary>
public sealed record VrrpSyncGroup
{
    /// <summary>The group name.</summary>
    public required string Name { get; init; }

    /// <summary>Where the block starts.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>The member instance names.</summary>
    public IReadOnlyList<string> Members { get; init; } = [];

    /// <summary>notify_* scripts.</summary>
    public VrrpNotify Notify { get; init; } = new();

    /// <summary>`track_script { … }`.</summary>
    public IReadOnlyList<TrackedItem> TrackScripts { get; init; } = [];

    /// <summary>`smtp_alert`.</summary>
    public bool SmtpAlert { get; init; }

    /// <summary>Other known keywords, kept as read.</summary>
    public IReadOnlyList<KeepalivedDirective> Other { get; init; } = [];
}
