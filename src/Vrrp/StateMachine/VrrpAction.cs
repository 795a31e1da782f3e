namespace Vrrp.StateMachine;

/// <summary>What the state machine asks its adapters to do, in order.</summary>
public abstract record VrrpAction
{
    /// <summary>Send one advert with this priority (0 = release, RFC 5798 §6.4.3).</summary>
    public sealed record SendAdvert(int Priority) : VrrpAction;

    /// <summary>Add the virtual addresses to their interfaces.</summary>
    public sealed record AddAddresses : VrrpAction;

    /// <summary>Remove the virtual addresses (also done at start for stale copies, as keepalived does).</summary>
    public sealed record RemoveAddresses : VrrpAction;

    /// <summary>Send the gratuitous ARP / unsolicited NA bursts (garp_master_delay/repeat/refresh).</summary>
    public sealed record Announce : VrrpAction;

    /// <summary>(Re)start a timer to fire after <paramref name="Delay"/>; a running one of that kind is replaced.</summary>
    public sealed record StartTimer(VrrpTimerKind Kind, TimeSpan Delay) : VrrpAction;

    /// <summary>Stop a timer.</summary>
    public sealed record StopTimer(VrrpTimerKind Kind) : VrrpAction;

    /// <summary>The instance entered a state: log it and run the notify scripts (notify_master…, notify).</summary>
    public sealed record Notify(VrrpRole From, VrrpRole To, int Priority) : VrrpAction;
}
