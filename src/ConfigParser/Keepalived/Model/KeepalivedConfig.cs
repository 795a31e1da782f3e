using ConfigParser.Diagnostics;

namespace ConfigParser.Keepalived.Model;

/// <summary>A whole keepalived.conf (after includes), as keepalived 2.2.7 reads it.</summary>
public sealed record KeepalivedConfig
{
    /// <summary>Where the main file starts.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>`global_defs` (defaults when absent; several blocks merge).</summary>
    public GlobalDefs Global { get; init; } = new();

    /// <summary>`vrrp_script` blocks that have a script (keepalived removes the others).</summary>
    public IReadOnlyList<VrrpScript> Scripts { get; init; } = [];

    /// <summary>`vrrp_instance` blocks.</summary>
    public IReadOnlyList<VrrpInstance> Instances { get; init; } = [];

    /// <summary>`vrrp_sync_group` blocks.</summary>
    public IReadOnlyList<VrrpSyncGroup> SyncGroups { get; init; } = [];

    /// <summary>`virtual_server` blocks (LVS).</summary>
    public IReadOnlyList<VirtualServer> VirtualServers { get; init; } = [];

    /// <summary>Known top-level blocks this model does not type (`virtual_server_group`, `static_routes`, …).</summary>
    public IReadOnlyList<KeepalivedDirective> Other { get; init; } = [];
}
