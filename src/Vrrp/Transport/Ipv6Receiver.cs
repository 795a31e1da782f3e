using System.Buffers.Binary;
using System.Net;
using System.Runtime.InteropServices;

namespace Vrrp.Transport;

/// <summary>
/// recvmsg(2) on a raw IPv6 socket with IPV6_RECVHOPLIMIT and IPV6_RECVPKTINFO: .NET's ReceiveMessageFrom reports
/// the destination but not the hop limit, which RFC 5798 §7.1 requires to be 255. Non-blocking; the caller waits
/// for readiness with a managed zero-byte peek.
/// </summary>
internal static class Ipv6Receiver
{
    private const int MessageHeaderSize = 56, IoVectorSize = 16, ControlSize = 128, NameSize = 28;

    /// <summary>Reads one datagram; false when none is waiting (EAGAIN).</summary>
    public static unsafe bool TryReceive(nint fd, Span<byte> buffer, out int length, out int hopLimit, out IPAddress source, out IPAddress destination)
    {
        length = 0;
        hopLimit = -1;
        source = destination = IPAddress.IPv6None;
        var name = stackalloc byte[NameSize];
        var control = stackalloc byte[ControlSize];
        var vector = stackalloc byte[IoVectorSize];
        var header = stackalloc byte[MessageHeaderSize];
        new Span<byte>(header, MessageHeaderSize).Clear();
        new Span<byte>(control, ControlSize).Clear();
        fixed (byte* data = buffer)
        {
            // struct iovec { void *base; size_t len; } and struct msghdr on LP64 Linux.
            *(nint*)vector = (nint)data;
            *(nuint*)(vector + 8) = (nuint)buffer.Length;
            *(nint*)header = (nint)name;
            *(uint*)(header + 8) = NameSize;
            *(nint*)(header + 16) = (nint)vector;
            *(nuint*)(header + 24) = 1;
            *(nint*)(header + 32) = (nint)control;
            *(nuint*)(header + 40) = ControlSize;
            var n = Interop.recvmsg(fd, header, Interop.MsgDontWait);
            if (n < 0)
            {
                return false;
            }

            length = (int)n;
        }

        source = new IPAddress(new ReadOnlySpan<byte>(name + 8, 16));
        var controlLength = (int)Math.Min(*(nuint*)(header + 40), ControlSize);
        var cmsgs = new ReadOnlySpan<byte>(control, controlLength);
        var offset = 0;
        // struct cmsghdr { size_t len; int level; int type; } then data, each aligned to 8.
        while (offset + 16 <= cmsgs.Length)
        {
            var cmsgLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(cmsgs[offset..]);
            if (cmsgLength < 16 || offset + cmsgLength > cmsgs.Length)
            {
                break;
            }

            var level = BinaryPrimitives.ReadInt32LittleEndian(cmsgs[(offset + 8)..]);
            var type = BinaryPrimitives.ReadInt32LittleEndian(cmsgs[(offset + 12)..]);
            var payload = cmsgs.Slice(offset + 16, cmsgLength - 16);
            if (level == Interop.SolIpv6 && type == Interop.Ipv6HopLimit && payload.Length >= 4)
            {
                hopLimit = BinaryPrimitives.ReadInt32LittleEndian(payload);
            }
            else if (level == Interop.SolIpv6 && type == Interop.Ipv6PktInfo && payload.Length >= 16)
            {
                destination = new IPAddress(payload[..16]);
            }

            offset += (cmsgLength + 7) & ~7;
        }

        // A datagram without the hop-limit ancillary data keeps -1, which the validator refuses (RFC 5798 §7.1).
        return true;
    }
}
