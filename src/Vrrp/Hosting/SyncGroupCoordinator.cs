using Microsoft.Extensions.Logging;
using Vrrp.Config;
using Vrrp.StateMachine;
using Vrrp.Tracking;

namespace Vrrp.Hosting;

/// <summary>
/// keepalived vrrp_sync_group: members move together. The group goes to MASTER when its last member timed out, and
/// one member becoming MASTER makes the others MASTER; one
/// leaving MASTER for BACKUP makes the master members step down; one entering FAULT on its own takes every member to
/// FAULT until no member is faulted on its own (keepalived 2.2.7 observed: "VRRP_Group(G) Syncing instances to
/// FAULT state", then "… to BACKUP state"). Group notify scripts get `GROUP name`.
/// </summary>
public sealed class SyncGroupCoordinator
{
    private readonly SyncGroupConfig _group;
    private readonly IReadOnlyList<VrrpInstanceRunner> _members;
    private readonly Notifier? _notifier;
    private readonly ILogger _logger;
    private VrrpRole _groupRole = VrrpRole.Init;
    private bool _groupFault;

    /// <summary>Subscribes to the members' role changes.</summary>
    public SyncGroupCoordinator(SyncGroupConfig group, IReadOnlyList<VrrpInstanceRunner> members, Notifier? notifier, ILogger? logger = null)
    {
        _group = group;
        _members = members;
        _notifier = notifier;
        _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        foreach (var member in members)
        {
            member.RoleChanged += OnRoleChanged;
            member.OwnFaultChanged += OnOwnFaultChanged;
            member.MasterGate = CanGoMaster;
        }
    }

    // keepalived 2.2.7: a member that timed out takes the group to MASTER only when every other member timed out too
    // (or is MASTER already); until then it stays BACKUP and times out again.
    private bool CanGoMaster(VrrpInstanceRunner source)
        => _members.All(m => m == source || m.WantsMaster || m.Role == VrrpRole.Master);

    private void OnRoleChanged(VrrpInstanceRunner source, VrrpRole from, VrrpRole to)
    {
        if (to == VrrpRole.Master)
        {
            Sync(source, "MASTER", m => m.GroupMaster());
        }
        else if (from == VrrpRole.Master && to == VrrpRole.Backup)
        {
            Sync(source, "BACKUP", m => m.GroupBackup());
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

    // The group is faulted while any member is faulted on its own. The member whose tracking moved goes first, then
    // the line, then the others: keepalived's order ("(B) Entering BACKUP STATE", "VRRP_Group(G) Syncing …", "(A) …").
    private void OnOwnFaultChanged(VrrpInstanceRunner source)
    {
        var fault = _members.Any(m => m.OwnFault);
        lock (_members)
        {
            if (_groupFault == fault)
            {
                return;
            }

            _groupFault = fault;
        }

        source.SetGroupFault(fault);
        _logger.LogWarning("VRRP_Group({Group}) Syncing instances to {State} state", _group.Name, fault ? "FAULT" : "BACKUP");
        foreach (var member in _members.Where(m => m != source))
        {
            member.SetGroupFault(fault);
        }
    }

    private void Sync(VrrpInstanceRunner source, string state, Func<VrrpStateMachine, IReadOnlyList<VrrpAction>> call)
    {
        // GroupMaster moves backups, GroupBackup moves masters.
        var others = _members.Where(m => m != source && m.Role == (state == "MASTER" ? VrrpRole.Backup : VrrpRole.Master)).ToList();
        if (others.Count == 0)
        {
            return;
        }

        _logger.LogWarning("VRRP_Group({Group}) Syncing instances to {State} state", _group.Name, state);
        foreach (var other in others)
        {
            other.Apply(call);
        }
    }
}
