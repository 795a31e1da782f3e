using System.Net;
using ConfigParser.Keepalived.Model;

namespace Vrrp.Config;

/// <summary>What one running vrrp_instance needs, resolved from the keepalived.conf model with keepalived's defaults.</summary>
public sealed record VrrpInstanceConfig
{
    /// <summary>The instance name.</summary>
    public required string Name { get; init; }
    /// <summary>`interface`.</summary>
    public required string Interface { get; init; }
    /// <summary>`virtual_router_id`.</summary>
    public required int VirtualRouterId { get; init; }
    /// <summary>Base `priority`.</summary>
    public required int Priority { get; init; }
    /// <summary>`advert_int` in centiseconds.</summary>
    public required int AdvertIntervalCentiseconds { get; init; }
    /// <summary>2 or 3.</summary>
    public required int Version { get; init; }
    /// <summary>`state` given (only MASTER/BACKUP; keepalived still starts non-owners as BACKUP).</summary>
    public VrrpState InitialState { get; init; }
    /// <summary>False with `nopreempt`.</summary>
    public bool Preempt { get; init; } = true;
    /// <summary>`preempt_delay`.</summary>
    public TimeSpan PreemptDelay { get; init; }
    /// <summary>VRRPv2 auth type (0 none, 1 PASS).</summary>
    public int AuthType { get; init; }
    /// <summary>VRRPv2 PASS password.</summary>
    public string Password { get; init; } = "";
    /// <summary>Addresses to manage (advertised and excluded).</summary>
    public IReadOnlyList<VirtualAddress> Addresses { get; init; } = [];
    /// <summary>`unicast_src_ip`.</summary>
    public IPAddress? UnicastSource { get; init; }
    /// <summary>`unicast_peer` addresses; empty means multicast.</summary>
    public IReadOnlyList<IPAddress> UnicastPeers { get; init; } = [];
    /// <summary>`track_script` entries.</summary>
    public IReadOnlyList<TrackReference> TrackScripts { get; init; } = [];
    /// <summary>`track_interface` entries.</summary>
    public IReadOnlyList<TrackReference> TrackInterfaces { get; init; } = [];
    /// <summary>False with `dont_track_primary`: the instance's own interface going down means FAULT.</summary>
    public bool TrackPrimary { get; init; } = true;
    /// <summary>notify_* scripts.</summary>
    public VrrpNotify Notify { get; init; } = new();
    /// <summary>Delay before the second gratuitous ARP burst (`garp_master_delay`, keepalived default 5 s).</summary>
    public TimeSpan GarpMasterDelay { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Gratuitous ARPs per burst (`garp_master_repeat`, default 5).</summary>
    public int GarpMasterRepeat { get; init; } = 5;
    /// <summary>Period of refresh bursts while master (`garp_master_refresh`, default none).</summary>
    public TimeSpan? GarpMasterRefresh { get; init; }
    /// <summary>Where the block starts, for messages.</summary>
    public string Location { get; init; } = "";

    /// <summary>The addresses carried in adverts, in order.</summary>
    public IReadOnlyList<IPAddress> AdvertisedAddresses => Addresses.Where(a => a.InAdvert).Select(a => a.Address).ToArray();

    /// <summary>True when the instance advertises over IPv6 (VRRPv3, ff02::12).</summary>
    public bool IsIPv6 => AdvertisedAddresses is [{ AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 }, ..];
}
