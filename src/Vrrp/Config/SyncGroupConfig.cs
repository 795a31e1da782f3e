using ConfigParser.Keepalived.Model;

namespace Vrrp.Config;

/// <summary>A `vrrp_sync_group`: the instances that change state together.</summary>
/// <param name="Name">The group name.</param>
/// <param name="Members">The member instance names.</param>
/// <param name="Notify">Group notify scripts (called with `GROUP name state priority`).</param>
public sealed record SyncGroupConfig(string Name, IReadOnlyList<string> Members, VrrpNotify Notify);
