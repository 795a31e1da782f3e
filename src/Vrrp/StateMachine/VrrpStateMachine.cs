using System.Net;
using Vrrp.Protocol;

namespace Vrrp.StateMachine;

/// <summary>
/// One VRRP instance's election (RFC 5798 §6.4 / RFC 3768 §6.4) as keepalived 2.2.7 runs it: events in, a list of
/// <see cref="VrrpAction"/> out. Pure: no clock, no sockets; timers are actions the driver schedules.
/// Where keepalived differs from the RFC it says so (source: ../shared/spec/vrrp.md, observed on keepalived 2.2.7).
/// </summary>
public sealed class VrrpStateMachine
{
    private readonly VrrpMachineSettings _settings;
    private int _masterAdvertIntervalCs;
    // keepalived 2.2 preempt_delay: null = no window yet, true = open (lower master tolerated), false = expired.
    private bool? _preemptWindow;

    /// <summary>Creates an instance in INIT.</summary>
    public VrrpStateMachine(VrrpMachineSettings settings)
    {
        _settings = settings;
        Priority = settings.Priority;
        _masterAdvertIntervalCs = settings.AdvertIntervalCentiseconds;
    }

    /// <summary>The current state.</summary>
    public VrrpRole Role { get; private set; } = VrrpRole.Init;

    /// <summary>The effective priority (base plus tracking weights), the value sent on the wire.</summary>
    public int Priority { get; private set; }

    /// <summary>The master's advert interval a backup times out on (learned from v3 adverts).</summary>
    public int MasterAdvertIntervalCentiseconds => _masterAdvertIntervalCs;

    private bool IsOwner => _settings.Priority == VrrpConstants.OwnerPriority;

    private TimeSpan AdvertInterval => TimeSpan.FromMilliseconds(_settings.AdvertIntervalCentiseconds * 10L);

    private TimeSpan MasterDown => VrrpTimers.MasterDownInterval(Math.Clamp(Priority, 1, 255), _masterAdvertIntervalCs);

    /// <summary>
    /// Startup. keepalived 2.2.7: `state MASTER` below priority 255 still starts as BACKUP ("Entering BACKUP STATE
    /// (init)") and waits Master_Down_Interval; only the address owner goes straight to MASTER (RFC 5798 §6.4.1).
    /// Stale copies of our addresses are removed first, as keepalived does.
    /// </summary>
    /// <param name="faulted">True when tracking already says FAULT (interface down, weight-0 script failing).</param>
    public IReadOnlyList<VrrpAction> Start(bool faulted = false)
    {
        if (Role != VrrpRole.Init)
        {
            return [];
        }

        var actions = new List<VrrpAction> { new VrrpAction.RemoveAddresses() };
        if (faulted)
        {
            actions.AddRange(Enter(VrrpRole.Fault));
        }
        else if (IsOwner && Priority == VrrpConstants.OwnerPriority)
        {
            actions.AddRange(BecomeMaster());
        }
        else
        {
            actions.AddRange(BecomeBackup());
        }

        return actions;
    }

    /// <summary>A valid advert of our virtual router arrived (already checked by <see cref="VrrpAdvertValidator"/>).</summary>
    public IReadOnlyList<VrrpAction> AdvertReceived(int priority, IPAddress source, int advertIntervalCs)
    {
        switch (Role)
        {
            case VrrpRole.Backup:
                if (priority == VrrpConstants.ReleasePriority)
                {
                    // RFC 5798 §6.4.2: the master is leaving; take over after Skew_Time (observed 0.60-0.64 s).
                    return [new VrrpAction.StartTimer(VrrpTimerKind.MasterDown, VrrpTimers.SkewTime(Math.Clamp(Priority, 1, 255), _masterAdvertIntervalCs))];
                }

                if (priority < Priority && _settings.Preempt && _settings.PreemptDelay > TimeSpan.Zero && _preemptWindow is null)
                {
                    // keepalived 2.2: the first lower-priority advert starts the preempt_delay window; until it
                    // ends the lower master is tolerated (its adverts reset our timer).
                    _preemptWindow = true;
                    return [new VrrpAction.StartTimer(VrrpTimerKind.PreemptDelay, _settings.PreemptDelay), new VrrpAction.StartTimer(VrrpTimerKind.MasterDown, MasterDown)];
                }

                if (!_settings.Preempt || priority >= Priority || _preemptWindow == true)
                {
                    if (_settings.Version == 3)
                    {
                        _masterAdvertIntervalCs = Math.Max(1, advertIntervalCs);
                    }

                    return [new VrrpAction.StartTimer(VrrpTimerKind.MasterDown, MasterDown)];
                }

                // A lower-priority master and we preempt: discard, so our Master_Down_Timer fires.
                return [];

            case VrrpRole.Master:
                if (priority == VrrpConstants.ReleasePriority)
                {
                    // RFC 5798 §6.4.3: another master is releasing; answer at once so backups stay put.
                    return [new VrrpAction.SendAdvert(Priority), new VrrpAction.StartTimer(VrrpTimerKind.Advert, AdvertInterval)];
                }

                if (priority > Priority || (priority == Priority && Compare(source, _settings.PrimaryAddress) > 0))
                {
                    // A better master: step down at once and remove the addresses (keepalived sends nothing).
                    if (_settings.Version == 3)
                    {
                        _masterAdvertIntervalCs = Math.Max(1, advertIntervalCs);
                    }

                    var actions = new List<VrrpAction> { new VrrpAction.StopTimer(VrrpTimerKind.Advert), new VrrpAction.RemoveAddresses() };
                    actions.AddRange(BecomeBackup());
                    return actions;
                }

                // keepalived 2.2.7 (observed): a master hearing a lower priority re-advertises and re-sends
                // gratuitous ARPs at once, so the other node steps down and clients follow; the RFC only discards.
                return [new VrrpAction.SendAdvert(Priority), new VrrpAction.Announce(), new VrrpAction.StartTimer(VrrpTimerKind.Advert, AdvertInterval)];

            default:
                return [];
        }
    }

    /// <summary>A timer fired.</summary>
    public IReadOnlyList<VrrpAction> TimerFired(VrrpTimerKind kind)
    {
        switch (kind)
        {
            case VrrpTimerKind.MasterDown when Role == VrrpRole.Backup:
                return BecomeMaster();
            case VrrpTimerKind.Advert when Role == VrrpRole.Master:
                return [new VrrpAction.SendAdvert(Priority), new VrrpAction.StartTimer(VrrpTimerKind.Advert, AdvertInterval)];
            case VrrpTimerKind.PreemptDelay:
                _preemptWindow = false;
                return [];
            default:
                return [];
        }
    }

    /// <summary>
    /// The master-down timer expired, but the sync group is not ready to follow (keepalived 2.2.7: a group goes to
    /// MASTER only once every member timed out): stay BACKUP and time out again.
    /// </summary>
    public IReadOnlyList<VrrpAction> MasterDownHeld()
        => Role == VrrpRole.Backup ? [new VrrpAction.StartTimer(VrrpTimerKind.MasterDown, MasterDown)] : [];

    /// <summary>
    /// The effective priority changed (a tracked script or interface with a weight). A master carries the new value
    /// in its next advert; a backup uses it for the next election. Clamped to 1..254 as keepalived does for
    /// non-owners (the owner's 255 is never changed by weights).
    /// </summary>
    public IReadOnlyList<VrrpAction> PriorityChanged(int effectivePriority)
    {
        Priority = IsOwner ? VrrpConstants.OwnerPriority : Math.Clamp(effectivePriority, 1, 254);
        return [];
    }

    /// <summary>
    /// Tracking says FAULT (interface down, weight-0 script failed). keepalived 2.2: a master leaving for FAULT sends
    /// a priority-0 advert so the backup takes over after Skew_Time, then removes the addresses.
    /// </summary>
    public IReadOnlyList<VrrpAction> Fault()
    {
        var actions = new List<VrrpAction>();
        switch (Role)
        {
            case VrrpRole.Master:
                actions.Add(new VrrpAction.StopTimer(VrrpTimerKind.Advert));
                actions.Add(new VrrpAction.SendAdvert(VrrpConstants.ReleasePriority));
                actions.Add(new VrrpAction.RemoveAddresses());
                break;
            case VrrpRole.Backup:
                actions.Add(new VrrpAction.StopTimer(VrrpTimerKind.MasterDown));
                break;
            default:
                return [];
        }

        actions.AddRange(Enter(VrrpRole.Fault));
        return actions;
    }

    /// <summary>Tracking recovered: FAULT goes to BACKUP (keepalived 2.2), and the election starts again.</summary>
    public IReadOnlyList<VrrpAction> Recover()
        => Role != VrrpRole.Fault ? [] : IsOwner && Priority == VrrpConstants.OwnerPriority ? BecomeMaster() : BecomeBackup();

    /// <summary>
    /// A sync group member became master: this one follows at once (keepalived vrrp_sync_group), unless in FAULT.
    /// </summary>
    public IReadOnlyList<VrrpAction> GroupMaster()
    {
        if (Role != VrrpRole.Backup)
        {
            return [];
        }

        return [new VrrpAction.StopTimer(VrrpTimerKind.MasterDown), .. BecomeMaster()];
    }

    /// <summary>A sync group member left MASTER (backup or fault): a master member steps down to BACKUP with it.</summary>
    public IReadOnlyList<VrrpAction> GroupBackup()
    {
        if (Role != VrrpRole.Master)
        {
            return [];
        }

        return [new VrrpAction.StopTimer(VrrpTimerKind.Advert), new VrrpAction.SendAdvert(VrrpConstants.ReleasePriority), new VrrpAction.RemoveAddresses(), .. BecomeBackup()];
    }

    /// <summary>
    /// Graceful stop (SIGTERM): a master sends one priority-0 advert and removes the addresses (RFC 5798 §6.4.3;
    /// keepalived 2.2.7 observed), then notify_stop runs.
    /// </summary>
    public IReadOnlyList<VrrpAction> Shutdown()
    {
        var actions = new List<VrrpAction>
        {
            new VrrpAction.StopTimer(VrrpTimerKind.Advert),
            new VrrpAction.StopTimer(VrrpTimerKind.MasterDown),
            new VrrpAction.StopTimer(VrrpTimerKind.PreemptDelay),
        };
        if (Role == VrrpRole.Master)
        {
            actions.Add(new VrrpAction.SendAdvert(VrrpConstants.ReleasePriority));
            actions.Add(new VrrpAction.RemoveAddresses());
        }

        if (Role != VrrpRole.Init)
        {
            actions.AddRange(Enter(VrrpRole.Init));
        }

        return actions;
    }

    private IReadOnlyList<VrrpAction> BecomeMaster()
    {
        _preemptWindow = null;
        var actions = new List<VrrpAction>
        {
            // RFC 5798 §6.4.1: send an advert, then announce the addresses; keepalived's first GARP burst follows
            // the first advert (../shared/spec/vrrp.md "Moving the VIP").
            new VrrpAction.SendAdvert(Priority),
            new VrrpAction.AddAddresses(),
            new VrrpAction.Announce(),
            new VrrpAction.StartTimer(VrrpTimerKind.Advert, AdvertInterval),
            new VrrpAction.StopTimer(VrrpTimerKind.PreemptDelay),
        };
        actions.AddRange(Enter(VrrpRole.Master));
        return actions;
    }

    private IReadOnlyList<VrrpAction> BecomeBackup()
    {
        var actions = new List<VrrpAction> { new VrrpAction.StartTimer(VrrpTimerKind.MasterDown, MasterDown) };
        actions.AddRange(Enter(VrrpRole.Backup));
        return actions;
    }

    private IReadOnlyList<VrrpAction> Enter(VrrpRole role)
    {
        var from = Role;
        Role = role;
        return [new VrrpAction.Notify(from, role, Priority)];
    }

    /// <summary>Compares two addresses as unsigned big-endian numbers (RFC 5798 §6.4.3 tie-break).</summary>
    internal static int Compare(IPAddress a, IPAddress b)
    {
        var x = a.GetAddressBytes();
        var y = b.GetAddressBytes();
        return x.Length != y.Length ? x.Length.CompareTo(y.Length) : x.AsSpan().SequenceCompareTo(y);
    }
}
