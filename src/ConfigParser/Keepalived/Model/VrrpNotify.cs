namespace ConfigParser.Keepalived.Model;

/// <summary>The notify scripts of an instance or a sync group.</summary>
public sealed record VrrpNotify
{
    /// <summary>`notify_master`.</summary>
    public string? Master { get; init; }

    /// <summary>`notify_backup`.</summary>
    public string? Backup { get; init; }

    /// <summary>`notify_fault`.</summary>
    public string? Fault { get; init; }

    /// <summary>`notify_stop`.</summary>
    public string? Stop { get; init; }

    /// <summary>`notify` (called for every transition).</summary>
    public string? Any { get; init; }

    /// <summary>Every script set, in a fixed order.</summary>
    public IEnumerable<string> All => new[] { Master, Backup, Fault, Stop, Any }.OfType<string>();
}
