using Vrrp.Config;
using Vrrp.StateMachine;
using Vrrp.Tracking;

namespace Vrrp.Hosting;

/// <summary>
/// keepalived vrrp_sync_group: members move together. One member becoming MASTER makes the others MASTER; one
/// leaving MASTER (to BACKUP or FAULT) makes the master members step down. Group notify scripts get `GROUP name`.
/// </summary>
public sealed class SyncGroupCoordinator
{
    private readonly SyncGroupConfig _group;
    private readonly IReadOnlyList<VrrpInstanceRunner> _members;
    private readonly Notifier? _notifier;
    private VrrpRole _groupRole = VrrpRole.Init;

    /// <summary>Subscribes to the members' role changes.</summary>
    public SyncGroupCoordinator(SyncGroupConfig group, IReadOnlyList<VrrpInstanceRunner> members, Notifier? notifier)
    {
        _group = group;
        _members = members;
        _notifier = notifier;
        foreach (var member in members)
        {
            member.RoleChanged += OnRoleChanged;
        }
    }

    private void OnRoleChanged(VrrpInstanceRunner source, VrrpRole from, VrrpRole to)
    {
        foreach (var other in _members.Where(m => m != source))
        {
            if (to == VrrpRole.Master)
            {
                other.Apply(m => m.GroupMaster());
            }
            else if (from == VrrpRole.Master && to is VrrpRole.Backup or VrrpRole.Fault)
            {
                other.Apply(m => m.GroupBackup());
            }
        }

        lock (_members)
        {
            if (to == _groupRole)
            {
                return;
            }

            _groupRole = to;
        }

        _notifier?.Notify(_group.Notify, "GROUP", _group.Name, to, source.Priority);
    }
}
