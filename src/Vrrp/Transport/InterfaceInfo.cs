using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Vrrp.Transport;

/// <summary>What the adapters need to know about a network interface: index, MAC, primary IPv4 address.</summary>
/// <param name="Name">Interface name.</param>
/// <param name="Index">Kernel interface index.</param>
/// <param name="Mac">Hardware address (6 bytes; empty when none).</param>
/// <param name="Primary">First IPv4 address that is not one of ours, or null.</param>
/// <param name="LinkLocal">The IPv6 link-local address (VRRPv3 over IPv6 sends from it, RFC 5798 §5.1.2.1), or null.</param>
public sealed record InterfaceInfo(string Name, int Index, byte[] Mac, IPAddress? Primary, IPAddress? LinkLocal = null)
{
    /// <summary>Looks up <paramref name="name"/>; null when it does not exist.</summary>
    public static InterfaceInfo? Find(string name, IReadOnlyCollection<IPAddress> ours)
    {
        var nic = NetworkInterface.GetAllNetworkInterfaces().FirstOrDefault(n => n.Name == name);
        if (nic is null)
        {
            return null;
        }

        var index = (int)Interop.if_nametoindex(name);
        var primary = nic.GetIPProperties().UnicastAddresses
            .Select(u => u.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !ours.Contains(a));
        var linkLocal = nic.GetIPProperties().UnicastAddresses.Select(u => u.Address).FirstOrDefault(a => a.IsIPv6LinkLocal);
        return new InterfaceInfo(name, index, nic.GetPhysicalAddress().GetAddressBytes(), primary, linkLocal);
    }
}
