namespace Vrrp.Netlink;

/// <summary>Reports interface up/down changes.</summary>
public interface ILinkMonitor
{
    /// <summary>Raised with the interface index and whether it is now up and running.</summary>
    event Action<int, bool>? LinkChanged;
}
