using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Vrrp.Protocol;

/// <summary>
/// The Internet checksum (RFC 1071): one's-complement sum of 16-bit words, plus the IPv4/IPv6 pseudo-headers
/// VRRPv3 (RFC 5798 §5.2.8) and ICMPv6 (RFC 4443 §2.3) put in front of the message.
/// </summary>
public static class InternetChecksum
{
    /// <summary>The checksum of <paramref name="data"/> alone (VRRPv2, RFC 3768 §5.3.8).</summary>
    public static ushort Compute(ReadOnlySpan<byte> data) => Finish(Sum(data, 0));

    /// <summary>
    /// The checksum of <paramref name="data"/> preceded by the pseudo-header of its IP packet: for IPv4 source,
    /// destination, zero, protocol, length (RFC 768 style); for IPv6 source, destination, 32-bit length, three zeros,
    /// next header (RFC 8200 §8.1).
    /// </summary>
    public static ushort ComputeWithPseudoHeader(ReadOnlySpan<byte> data, IPAddress source, IPAddress destination, byte protocol)
    {
        Span<byte> pseudo = stackalloc byte[40];
        int length;
        if (source.AddressFamily == AddressFamily.InterNetwork)
        {
            source.TryWriteBytes(pseudo[..4], out _);
            destination.TryWriteBytes(pseudo[4..8], out _);
            pseudo[8] = 0;
            pseudo[9] = protocol;
            BinaryPrimitives.WriteUInt16BigEndian(pseudo[10..], (ushort)data.Length);
            length = 12;
        }
        else
        {
            source.TryWriteBytes(pseudo[..16], out _);
            destination.TryWriteBytes(pseudo[16..32], out _);
            BinaryPrimitives.WriteUInt32BigEndian(pseudo[32..], (uint)data.Length);
            pseudo[36] = pseudo[37] = pseudo[38] = 0;
            pseudo[39] = protocol;
            length = 40;
        }

        return Finish(Sum(data, Sum(pseudo[..length], 0)));
    }

    private static ulong Sum(ReadOnlySpan<byte> data, ulong sum)
    {
        var i = 0;
        for (; i + 1 < data.Length; i += 2)
        {
            sum += (ulong)((data[i] << 8) | data[i + 1]);
        }

        if (i < data.Length)
        {
            // RFC 1071 §4.1: an odd trailing byte is padded with a zero byte.
            sum += (ulong)(data[i] << 8);
        }

        return sum;
    }

    private static ushort Finish(ulong sum)
    {
        while (sum >> 16 != 0)
        {
            sum = (sum & 0xffff) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}
