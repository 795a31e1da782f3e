namespace ConfigParser.Keepalived.Model;

/// <summary>The notify scripts of an instance or a sync group.</summary>
public sealed record VrrpNotify
{
    /// <summary>`notify_master`.</summary>
    public NotifyScript? Master { get; init; }

    /// <summary>`notify_backup`.</summary>
    public NotifyScript? Backup { get; init; }

    /// <summary>`notify_fault`.</summary>
    public NotifyScript? Fault { get; init; }

    /// <summary>`notify_stop`.</summary>
    public NotifyScript? Stop { get; init; }

    /// <summary>`notify` (called for every transition).</summary>
    public NotifyScript? Any { get; init; }

    /// <summary>Every script set, in a fixed order.</summary>
    public IEnumerable<NotifyScript> All => new[] { Master, Backup, Fault, Stop, Any }.OfType<NotifyScript>();
}
