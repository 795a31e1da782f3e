using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Vrrp.Netlink;

/// <summary>
/// Builds and reads NETLINK_ROUTE messages (rtnetlink(7)): RTM_NEWADDR / RTM_DELADDR requests for a VIP, the
/// NLMSG_ERROR acknowledgement, and RTM_NEWLINK notifications. Layout and values: ../shared/spec/vrrp.md
/// "Moving the VIP". Pure: byte arrays in, byte arrays out.
/// </summary>
public static class NetlinkMessages
{
    /// <summary>RTM_NEWLINK.</summary>
    public const ushort NewLink = 16;
    /// <summary>RTM_DELLINK.</summary>
    public const ushort DelLink = 17;
    /// <summary>RTM_NEWADDR.</summary>
    public const ushort NewAddr = 20;
    /// <summary>RTM_DELADDR.</summary>
    public const ushort DelAddr = 21;
    /// <summary>NLMSG_ERROR.</summary>
    public const ushort Error = 2;
    /// <summary>NLMSG_DONE.</summary>
    public const ushort Done = 3;

    private const ushort FlagRequest = 0x1, FlagAck = 0x4, FlagExcl = 0x200, FlagCreate = 0x400;
    private const ushort IfaAddress = 1, IfaLocal = 2, IfaLabel = 3, IfaBroadcast = 4;
    private const int HeaderLength = 16, IfAddrMsgLength = 8;

    /// <summary>An RTM_NEWADDR request (flags REQUEST|ACK|CREATE|EXCL) adding <paramref name="address"/>/<paramref name="prefixLength"/>.</summary>
    public static byte[] AddAddress(uint sequence, int interfaceIndex, IPAddress address, int prefixLength, string? label = null, IPAddress? broadcast = null)
        => AddressMessage(NewAddr, (ushort)(FlagRequest | FlagAck | FlagCreate | FlagExcl), sequence, interfaceIndex, address, prefixLength, label, broadcast);

    /// <summary>An RTM_DELADDR request (flags REQUEST|ACK) removing the address.</summary>
    public static byte[] DeleteAddress(uint sequence, int interfaceIndex, IPAddress address, int prefixLength)
        => AddressMessage(DelAddr, (ushort)(FlagRequest | FlagAck), sequence, interfaceIndex, address, prefixLength, null, null);

    /// <summary>
    /// Reads the errno of an NLMSG_ERROR reply to <paramref name="sequence"/> (0 success, negative errno otherwise:
    /// -17 EEXIST, -99 EADDRNOTAVAIL). Null when the buffer holds no such reply.
    /// </summary>
    public static int? ReadAck(ReadOnlySpan<byte> buffer, uint sequence)
    {
        foreach (var (type, seq, payload) in Messages(buffer))
        {
            if (type == Error && seq == sequence && payload.Length >= 4)
            {
                return BinaryPrimitives.ReadInt32LittleEndian(payload);
            }
        }

        return null;
    }

    /// <summary>The link notifications in a buffer: interface index and whether it is up and running (IFF_UP|IFF_RUNNING).</summary>
    public static IReadOnlyList<(int InterfaceIndex, bool Up)> ReadLinks(ReadOnlySpan<byte> buffer)
    {
        var links = new List<(int, bool)>();
        foreach (var (type, _, payload) in Messages(buffer))
        {
            // struct ifinfomsg: family(1) pad(1) type(2) index(4) flags(4) change(4).
            if (type is NewLink or DelLink && payload.Length >= 16)
            {
                var index = BinaryPrimitives.ReadInt32LittleEndian(payload[4..]);
                var flags = BinaryPrimitives.ReadUInt32LittleEndian(payload[8..]);
                links.Add((index, type == NewLink && (flags & 0x1) != 0 && (flags & 0x40) != 0));
            }
        }

        return links;
    }

    /// <summary>Each complete message in a buffer: type, sequence, payload after the 16-byte header. Stops at malformed lengths.</summary>
    public static List<(ushort Type, uint Sequence, byte[] Payload)> Messages(ReadOnlySpan<byte> buffer)
    {
        var list = new List<(ushort, uint, byte[])>();
        var offset = 0;
        while (offset + HeaderLength <= buffer.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(buffer[offset..]);
            if (length < HeaderLength || offset + length > buffer.Length)
            {
                break;
            }

            var type = BinaryPrimitives.ReadUInt16LittleEndian(buffer[(offset + 4)..]);
            var sequence = BinaryPrimitives.ReadUInt32LittleEndian(buffer[(offset + 8)..]);
            list.Add((type, sequence, buffer.Slice(offset + HeaderLength, length - HeaderLength).ToArray()));
            offset += Align(length);
        }

        return list;
    }

    private static byte[] AddressMessage(ushort type, ushort flags, uint sequence, int interfaceIndex, IPAddress address, int prefixLength, string? label, IPAddress? broadcast)
    {
        var v6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        var addressLength = v6 ? 16 : 4;
        var attribute = Align(4 + addressLength);
        var labelBytes = label is null || v6 ? null : Encoding.ASCII.GetBytes(label + "\0");
        var length = HeaderLength + IfAddrMsgLength + attribute * 2
                     + (labelBytes is null ? 0 : Align(4 + labelBytes.Length))
                     + (broadcast is null || v6 ? 0 : attribute);
        var buffer = new byte[length];
        var span = buffer.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], type);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], flags);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], sequence);
        // struct ifaddrmsg: family, prefixlen, flags, scope, index.
        span[16] = (byte)(v6 ? 10 : 2);
        span[17] = (byte)prefixLength;
        // IFA_F_NODAD for IPv6, as keepalived: a VIP must be usable at once, not "tentative" for a second of DAD.
        span[18] = (byte)(v6 && type == NewAddr ? 0x02 : 0);
        BinaryPrimitives.WriteInt32LittleEndian(span[20..], interfaceIndex);
        var offset = HeaderLength + IfAddrMsgLength;
        // ip(8) sends both IFA_LOCAL and IFA_ADDRESS; IPv6 needs IFA_ADDRESS, IPv4 reads IFA_LOCAL.
        offset = WriteAttribute(span, offset, IfaLocal, address.GetAddressBytes());
        offset = WriteAttribute(span, offset, IfaAddress, address.GetAddressBytes());
        if (labelBytes is not null)
        {
            offset = WriteAttribute(span, offset, IfaLabel, labelBytes);
        }

        if (broadcast is not null && !v6)
        {
            WriteAttribute(span, offset, IfaBroadcast, broadcast.GetAddressBytes());
        }

        return buffer;
    }

    private static int WriteAttribute(Span<byte> span, int offset, ushort type, byte[] value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(span[offset..], (ushort)(4 + value.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(span[(offset + 2)..], type);
        value.CopyTo(span[(offset + 4)..]);
        return offset + Align(4 + value.Length);
    }

    private static int Align(int length) => (length + 3) & ~3;
}
