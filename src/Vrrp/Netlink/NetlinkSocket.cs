using System.Buffers.Binary;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Vrrp.Netlink;

/// <summary>
/// A NETLINK_ROUTE socket through libc (managed Bind is not supported for netlink, ../shared/spec/vrrp.md). Bound
/// first, then subscribed to groups (subscribing before bind() is silently lost). Receives time out so a reader
/// can notice cancellation.
/// </summary>
internal sealed class NetlinkSocket : IDisposable
{
    private readonly SafeSocketHandle _handle;

    public NetlinkSocket(TimeSpan receiveTimeout, params int[] groups)
    {
        var fd = Interop.socket(Interop.AfNetlink, Interop.SockRaw | Interop.SockCloexec, Interop.NetlinkRoute);
        if (fd < 0)
        {
            throw new SocketException(Marshal.GetLastPInvokeError());
        }

        _handle = new SafeSocketHandle(fd, ownsHandle: true);
        Span<byte> address = stackalloc byte[12]; // sockaddr_nl: family, pad, pid 0 (kernel assigns), groups 0
        BinaryPrimitives.WriteUInt16LittleEndian(address, Interop.AfNetlink);
        Check(Interop.bind(Fd, address, address.Length));
        Span<byte> timeval = stackalloc byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(timeval, (long)receiveTimeout.TotalSeconds);
        BinaryPrimitives.WriteInt64LittleEndian(timeval[8..], receiveTimeout.Milliseconds * 1000L);
        Check(Interop.setsockopt(Fd, Interop.SolSocket, Interop.SoRcvTimeo, timeval, timeval.Length));
        foreach (var group in groups)
        {
            Check(Interop.setsockopt(Fd, Interop.SolNetlink, Interop.NetlinkAddMembership, BitConverter.GetBytes(group), 4));
        }
    }

    private nint Fd => _handle.DangerousGetHandle();

    public void Send(ReadOnlySpan<byte> message)
    {
        if (Interop.send(Fd, message, (nuint)message.Length, 0) < 0)
        {
            throw new SocketException(Marshal.GetLastPInvokeError());
        }
    }

    /// <summary>Receives one datagram; 0 on timeout.</summary>
    public int Receive(Span<byte> buffer)
    {
        var n = Interop.recv(Fd, buffer, (nuint)buffer.Length, 0);
        return n < 0 ? 0 : (int)n;
    }

    public void Dispose() => _handle.Dispose();

    private static void Check(int result)
    {
        if (result < 0)
        {
            throw new SocketException(Marshal.GetLastPInvokeError());
        }
    }
}
