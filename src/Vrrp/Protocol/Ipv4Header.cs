using System.Net;

namespace Vrrp.Protocol;

/// <summary>
/// Reads what a raw IPv4 socket delivers: the IP header (RFC 791) then the payload. Used for the TTL check and
/// the v3 pseudo-header. Never throws.
/// </summary>
public static class Ipv4Header
{
    /// <summary>Splits <paramref name="packet"/>; false when it is not a plausible IPv4 packet.</summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out int ttl, out int protocol, out IPAddress source, out IPAddress destination, out int payloadOffset, out int payloadLength)
    {
        ttl = protocol = payloadOffset = payloadLength = 0;
        source = destination = IPAddress.None;
        if (packet.Length < 20 || packet[0] >> 4 != 4)
        {
            return false;
        }

        var headerLength = (packet[0] & 0x0f) * 4;
        var total = (packet[2] << 8) | packet[3];
        if (headerLength < 20 || packet.Length < headerLength)
        {
            return false;
        }

        // Linux raw sockets report the total length as given on the wire; trust the smaller of the two.
        var end = total >= headerLength && total <= packet.Length ? total : packet.Length;
        ttl = packet[8];
        protocol = packet[9];
        source = new IPAddress(packet.Slice(12, 4));
        destination = new IPAddress(packet.Slice(16, 4));
        payloadOffset = headerLength;
        payloadLength = end - headerLength;
        return true;
    }
}
