using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Proxy.Transport;

/// <summary>
/// The Linux constants, errno values and sockaddr layouts the epoll transport uses (linux/eventpoll.h, asm-generic
/// errno.h, netinet/in.h), and the one place that turns a failed call's errno into a .NET exception.
/// </summary>
internal static unsafe class LinuxNet
{
    public const int EpollCtlAdd = 1;
    public const int EpollCtlDel = 2;
    public const uint EpollIn = 0x001;
    public const uint EpollOut = 0x004;
    public const uint EpollErr = 0x008;
    public const uint EpollHup = 0x010;
    public const uint EpollRdHup = 0x2000;
    public const uint EpollEdgeTriggered = 1u << 31;
    public const int EpollCloexec = 0x80000;

    public const int SockNonBlock = 0x800;
    public const int SockCloexec = 0x80000;
    public const int MsgNoSignal = 0x4000;
    public const int ShutWrite = 1;
    public const int ShutBoth = 2;
    public const int IpProtoTcp = 6;
    public const int SolSocket = 1;
    public const int SoError = 4;
    public const int SockStream = 1;
    public const int AfInet = 2;
    public const int AfInet6 = 10;
    public const int MsgPeek = 0x2;
    public const int TcpNoDelay = 1;

    public const int EIntr = 4;
    public const int EBadF = 9;
    public const int EAgain = 11;
    public const int EConnAborted = 103;
    public const int EConnReset = 104;
    public const int EPipe = 32;
    public const int EMFile = 24;
    public const int ENFile = 23;
    public const int ENoBufs = 105;
    public const int ENoMem = 12;
    public const int EInProgress = 115;
    public const int EConnRefused = 111;
    public const int ETimedOut = 110;
    public const int EHostUnreach = 113;
    public const int ENetUnreach = 101;

    /// <summary>struct epoll_event is packed on x86-64 (12 bytes) and naturally aligned elsewhere (16).</summary>
    public static readonly int EpollEventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;

    /// <summary>Where the 64-bit data field sits in struct epoll_event.</summary>
    public static readonly int EpollDataOffset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 4 : 8;

    /// <summary>Room for a sockaddr_in6 (the larger of the two families a TCP listener accepts).</summary>
    public const int SockAddrSize = 28;

    public static int LastErrno => Marshal.GetLastPInvokeError();

    /// <summary>A sockaddr_in or sockaddr_in6 as an endpoint; null for any other family.</summary>
    public static IPEndPoint? ToEndPoint(ReadOnlySpan<byte> address)
    {
        if (address.Length < 2)
        {
            return null;
        }

        var family = MemoryMarshal.Read<ushort>(address);
        if (family == 2 && address.Length >= 8)
        {
            return new IPEndPoint(new IPAddress(address.Slice(4, 4)), BinaryPrimitives.ReadUInt16BigEndian(address[2..]));
        }

        if (family == 10 && address.Length >= 28)
        {
            var scope = MemoryMarshal.Read<uint>(address[24..]);
            return new IPEndPoint(new IPAddress(address.Slice(8, 16), scope), BinaryPrimitives.ReadUInt16BigEndian(address[2..]));
        }

        return null;
    }

    /// <summary>Writes <paramref name="endpoint"/> as a sockaddr_in or sockaddr_in6; returns its length.</summary>
    public static int WriteSockAddr(IPEndPoint endpoint, Span<byte> address)
    {
        address.Clear();
        var v6 = endpoint.AddressFamily == AddressFamily.InterNetworkV6;
        MemoryMarshal.Write(address, (ushort)(v6 ? AfInet6 : AfInet));
        BinaryPrimitives.WriteUInt16BigEndian(address[2..], (ushort)endpoint.Port);
        if (v6)
        {
            endpoint.Address.TryWriteBytes(address.Slice(8, 16), out _);
            MemoryMarshal.Write(address[24..], (uint)endpoint.Address.ScopeId);
            return 28;
        }

        endpoint.Address.TryWriteBytes(address.Slice(4, 4), out _);
        return 16;
    }

    /// <summary>The local (<paramref name="peer"/> false) or remote address of a socket; null when it cannot be read.</summary>
    public static IPEndPoint? EndPointOf(int fd, bool peer)
    {
        var buffer = stackalloc byte[SockAddrSize];
        var length = SockAddrSize;
        var rc = peer ? Interop.GetPeerName(fd, buffer, &length) : Interop.GetSockName(fd, buffer, &length);
        return rc == 0 ? ToEndPoint(new ReadOnlySpan<byte>(buffer, Math.Min(length, SockAddrSize))) : null;
    }

    /// <summary>The exception a failed socket call becomes, as .NET's own sockets would report it.</summary>
    public static Exception ToException(int errno, string call)
        => new SocketException(ToSocketError(errno), $"{call}: {Marshal.GetPInvokeErrorMessage(errno)}");

    private static int ToSocketError(int errno) => errno switch
    {
        EConnReset => (int)SocketError.ConnectionReset,
        EConnRefused => (int)SocketError.ConnectionRefused,
        ETimedOut => (int)SocketError.TimedOut,
        EHostUnreach => (int)SocketError.HostUnreachable,
        ENetUnreach => (int)SocketError.NetworkUnreachable,
        EConnAborted => (int)SocketError.ConnectionAborted,
        EPipe => (int)SocketError.Shutdown,
        EMFile => (int)SocketError.TooManyOpenSockets,
        ENFile or ENoBufs or ENoMem => (int)SocketError.NoBufferSpaceAvailable,
        _ => (int)SocketError.SocketError,
    };
}
