namespace Vrrp.StateMachine;

/// <summary>The timers an instance runs (RFC 5798 §6.2 plus keepalived's preempt_delay).</summary>
public enum VrrpTimerKind
{
    /// <summary>Master_Down_Timer: a backup takes over when it fires.</summary>
    MasterDown,
    /// <summary>Adver_Timer: a master sends its next advert.</summary>
    Advert,
    /// <summary>keepalived preempt_delay: the end of the window in which a lower-priority master is tolerated.</summary>
    PreemptDelay,
}
