using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Vrrp.Config;
using Vrrp.Transport;

namespace Vrrp.Arp;

/// <summary>Sends the frames of <see cref="AnnouncementFrames"/> on an AF_PACKET raw socket, one per interface.</summary>
public sealed class PacketAnnouncer(ILogger logger) : IAnnouncer, IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Packet, SocketType.Raw, ProtocolType.Raw);

    /// <inheritdoc/>
    public void Announce(IReadOnlyList<VirtualAddress> addresses, int count)
    {
        foreach (var group in addresses.GroupBy(a => a.Interface))
        {
            var iface = InterfaceInfo.Find(group.Key, []);
            if (iface is null || iface.Mac.Length != 6)
            {
                logger.LogWarning("cannot send gratuitous ARP on {Interface}: no such Ethernet interface", group.Key);
                continue;
            }

            foreach (var address in group)
            {
                var v4 = address.Address.AddressFamily == AddressFamily.InterNetwork;
                var frame = v4 ? AnnouncementFrames.GratuitousArp(iface.Mac, address.Address) : AnnouncementFrames.UnsolicitedNeighbourAdvert(iface.Mac, address.Address);
                var target = new LinkLayerEndPoint(iface.Index, v4 ? (ushort)0x0806 : (ushort)0x86dd);
                for (var i = 0; i < count; i++)
                {
                    try
                    {
                        _socket.SendTo(frame, target);
                    }
                    catch (SocketException e)
                    {
                        logger.LogWarning("gratuitous ARP for {Address} on {Interface} failed: {Error}", address.Address, group.Key, e.Message);
                        break;
                    }
                }
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _socket.Dispose();
}
