using Vrrp.Config;

namespace Vrrp.Netlink;

/// <summary>Adds and removes virtual addresses on interfaces.</summary>
public interface IAddressControl
{
    /// <summary>Adds the address; an address already present counts as success. Returns an error message or null.</summary>
    string? Add(VirtualAddress address);

    /// <summary>Removes the address; an absent address counts as success. Returns an error message or null.</summary>
    string? Remove(VirtualAddress address);
}
