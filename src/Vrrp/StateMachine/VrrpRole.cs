namespace Vrrp.StateMachine;

/// <summary>The states of a VRRP instance (RFC 5798 §6.4, plus keepalived's FAULT).</summary>
public enum VrrpRole
{
    /// <summary>Not started, or stopped.</summary>
    Init,
    /// <summary>Listening for the master; takes over when Master_Down_Interval passes.</summary>
    Backup,
    /// <summary>Owns the virtual addresses and advertises.</summary>
    Master,
    /// <summary>keepalived: a tracked interface is down or a weight-0 script fails; no adverts, no addresses.</summary>
    Fault,
}
