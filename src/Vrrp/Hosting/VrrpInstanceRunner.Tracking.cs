using Vrrp.StateMachine;

namespace Vrrp.Hosting;

/// <summary>
/// The instance's fault verdicts and its sync group's hold on it: its own tracking (scripts, interfaces), the group's
/// FAULT, and the group's gate on MASTER. All state here is guarded by the runner's lock.
/// </summary>
public sealed partial class VrrpInstanceRunner
{
    private bool _ownFault;
    private bool _groupFault;
    private bool _ownFaultMoved;
    private volatile bool _wantsMaster;

    /// <summary>True while this instance's own tracking (not its sync group) holds it in FAULT.</summary>
    public bool OwnFault
    {
        get
        {
            lock (_lock)
            {
                return _ownFault;
            }
        }
    }

    /// <summary>True while this BACKUP instance timed out and waits for its sync group to follow.</summary>
    public bool WantsMaster => _wantsMaster;

    /// <summary>
    /// Set by a sync group: asked when the master-down timer expires whether this instance may take MASTER now
    /// (keepalived 2.2.7 observed: "(A) Receive advertisement timeout", "(B) Receive advertisement timeout", then the
    /// group goes to MASTER once the last member timed out).
    /// </summary>
    public Func<VrrpInstanceRunner, bool>? MasterGate { get; set; }

    /// <summary>Raised after <see cref="OwnFault"/> changed (and after any state change it caused), outside the runner's lock.</summary>
    public event Action<VrrpInstanceRunner>? OwnFaultChanged;

    /// <summary>Tracking changed: new effective priority and fault verdict.</summary>
    public void Track(int priority, bool fault)
        => Apply(m =>
        {
            SetOwnFault(fault);
            var actions = new List<VrrpAction>(m.PriorityChanged(priority));
            actions.AddRange(FaultOrRecover(m));
            return actions;
        });

    /// <summary>
    /// keepalived 2.2.7 vrrp_sync_group (observed): a member entering FAULT on its own takes the whole group to FAULT
    /// ("VRRP_Group(G) Syncing instances to FAULT state"), and the group leaves FAULT for BACKUP only when no member is
    /// faulted on its own any more. The group's verdict is held here, so this instance's tracking cannot lift it.
    /// </summary>
    public void SetGroupFault(bool fault)
        => Apply(m =>
        {
            _groupFault = fault;
            return FaultOrRecover(m);
        });

    // Under the lock; the event is raised by Apply once the lock is released.
    private void SetOwnFault(bool fault)
    {
        _ownFaultMoved |= _ownFault != fault;
        _ownFault = fault;
    }

    private IReadOnlyList<VrrpAction> FaultOrRecover(VrrpStateMachine m)
        => _ownFault || _groupFault ? m.Fault() : m.Role == VrrpRole.Fault ? m.Recover() : [];
}
