using System.Net;
using ConfigParser.Diagnostics;

namespace ConfigParser.Keepalived.Model;

/// <summary>`vrrp_instance NAME { … }` (keepalived.conf(5) "VRRP instance(s)").</summary>
public sealed record VrrpInstance
{
    /// <summary>The instance name.</summary>
    public required string Name { get; init; }

    /// <summary>Where the block starts.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>`state` (default BACKUP).</summary>
    public VrrpState State { get; init; } = VrrpState.Backup;

    /// <summary>`interface`.</summary>
    public string? Interface { get; init; }

    /// <summary>Where `interface` was given.</summary>
    public SourceLocation? InterfaceLocation { get; init; }

    /// <summary>`virtual_router_id` (1..255); null when missing or invalid.</summary>
    public int? VirtualRouterId { get; init; }

    /// <summary>
    /// `priority` (1..255). When not given keepalived uses 255 (address owner) for `state MASTER` and 100 otherwise
    /// (observed: an AH or vrrp_strict MASTER without `priority` draws no "must match being address owner").
    /// </summary>
    public int Priority => ConfiguredPriority ?? (State == VrrpState.Master ? 255 : 100);

    /// <summary>The `priority` given in the file, if any.</summary>
    public int? ConfiguredPriority { get; init; }

    /// <summary>`advert_int` in seconds (default 1).</summary>
    public double AdvertInterval { get; init; } = 1;

    /// <summary>`nopreempt`.</summary>
    public bool NoPreempt { get; init; }

    /// <summary>`preempt_delay` in seconds.</summary>
    public double? PreemptDelay { get; init; }

    /// <summary>`authentication`.</summary>
    public VrrpAuthentication? Authentication { get; init; }

    /// <summary>`virtual_ipaddress`.</summary>
    public IReadOnlyList<VirtualIpAddress> VirtualIpAddresses { get; init; } = [];

    /// <summary>`virtual_ipaddress_excluded`.</summary>
    public IReadOnlyList<VirtualIpAddress> VirtualIpAddressesExcluded { get; init; } = [];

    /// <summary>`unicast_src_ip`.</summary>
    public IPAddress? UnicastSourceIp { get; init; }

    /// <summary>`unicast_peer { … }`.</summary>
    public IReadOnlyList<IPAddress> UnicastPeers { get; init; } = [];

    /// <summary>`track_script { … }`.</summary>
    public IReadOnlyList<TrackedItem> TrackScripts { get; init; } = [];

    /// <summary>`track_interface { … }`.</summary>
    public IReadOnlyList<TrackedItem> TrackInterfaces { get; init; } = [];

    /// <summary>notify_* scripts.</summary>
    public VrrpNotify Notify { get; init; } = new();

    /// <summary>`smtp_alert`.</summary>
    public bool SmtpAlert { get; init; }

    /// <summary>`garp_master_delay` in seconds.</summary>
    public int? GarpMasterDelay { get; init; }

    /// <summary>`garp_master_repeat`.</summary>
    public int? GarpMasterRepeat { get; init; }

    /// <summary>`garp_master_refresh` in seconds.</summary>
    public int? GarpMasterRefresh { get; init; }

    /// <summary>`version` (2 or 3); null means the global default.</summary>
    public int? Version { get; init; }

    /// <summary>`use_vmac` given (with an optional interface name).</summary>
    public bool UseVmac { get; init; }

    /// <summary>The name given to `use_vmac`, if any.</summary>
    public string? VmacName { get; init; }

    /// <summary>`dont_track_primary`.</summary>
    public bool DontTrackPrimary { get; init; }

    /// <summary>Other known keywords (`virtual_routes`, `mcast_src_ip`, …), kept as read.</summary>
    public IReadOnlyList<KeepalivedDirective> Other { get; init; } = [];
}
