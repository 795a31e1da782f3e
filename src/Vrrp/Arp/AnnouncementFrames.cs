using System.Buffers.Binary;
using System.Net;
using Vrrp.Protocol;

namespace Vrrp.Arp;

/// <summary>
/// Ethernet frames a new master sends so neighbours move the VIP to its MAC: a gratuitous ARP request for IPv4
/// (sender IP = target IP = VIP, target MAC ff:ff:ff:ff:ff:ff, as keepalived sends, ../shared/spec/vrrp.md) and an
/// unsolicited neighbour advertisement for IPv6 (RFC 4861 §7.2.6: to ff02::1, Override set, target link-layer option).
/// </summary>
public static class AnnouncementFrames
{
    private static readonly byte[] Broadcast = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff];

    /// <summary>A 42-byte Ethernet + ARP frame announcing <paramref name="address"/> at <paramref name="mac"/>.</summary>
    public static byte[] GratuitousArp(ReadOnlySpan<byte> mac, IPAddress address)
    {
        var frame = new byte[42];
        var span = frame.AsSpan();
        Broadcast.CopyTo(span);
        mac[..6].CopyTo(span[6..]);
        BinaryPrimitives.WriteUInt16BigEndian(span[12..], 0x0806);
        BinaryPrimitives.WriteUInt16BigEndian(span[14..], 1);      // hardware type Ethernet
        BinaryPrimitives.WriteUInt16BigEndian(span[16..], 0x0800); // protocol IPv4
        span[18] = 6;
        span[19] = 4;
        BinaryPrimitives.WriteUInt16BigEndian(span[20..], 1);      // request
        mac[..6].CopyTo(span[22..]);
        address.TryWriteBytes(span[28..], out _);
        Broadcast.CopyTo(span[32..]);
        address.TryWriteBytes(span[38..], out _);
        return frame;
    }

    /// <summary>An 86-byte Ethernet + IPv6 + ICMPv6 unsolicited neighbour advertisement for <paramref name="address"/>.</summary>
    public static byte[] UnsolicitedNeighbourAdvert(ReadOnlySpan<byte> mac, IPAddress address)
    {
        var frame = new byte[86];
        var span = frame.AsSpan();
        byte[] allNodesMac = [0x33, 0x33, 0, 0, 0, 1];
        allNodesMac.CopyTo(span);
        mac[..6].CopyTo(span[6..]);
        BinaryPrimitives.WriteUInt16BigEndian(span[12..], 0x86dd);
        var ip = span[14..];
        ip[0] = 0x60;
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], 32); // payload length
        ip[6] = 58;                                          // ICMPv6
        ip[7] = 255;                                         // RFC 4861 §7.1.2: hop limit 255
        address.TryWriteBytes(ip[8..], out _);
        var allNodes = IPAddress.Parse("ff02::1");
        allNodes.TryWriteBytes(ip[24..], out _);
        var icmp = span[54..];
        icmp[0] = 136;                                       // neighbour advertisement
        icmp[4] = 0x20;                                      // Override flag
        address.TryWriteBytes(icmp[8..], out _);
        icmp[24] = 2;                                        // target link-layer address option
        icmp[25] = 1;
        mac[..6].CopyTo(icmp[26..]);
        BinaryPrimitives.WriteUInt16BigEndian(icmp[2..], InternetChecksum.ComputeWithPseudoHeader(icmp[..32], address, allNodes, 58));
        return frame;
    }
}
