namespace Vrrp.Config;

/// <summary>Everything the VRRP service runs: instances, the scripts they track, sync groups.</summary>
/// <param name="Instances">The vrrp_instances.</param>
/// <param name="Scripts">The vrrp_scripts that some instance or group tracks.</param>
/// <param name="SyncGroups">Sync groups: name, members and group notify scripts.</param>
public sealed record VrrpNodeConfig(
    IReadOnlyList<VrrpInstanceConfig> Instances,
    IReadOnlyList<TrackedScript> Scripts,
    IReadOnlyList<SyncGroupConfig> SyncGroups);
