using System.Runtime.InteropServices;

namespace Vrrp;

/// <summary>
/// Every native call of the VRRP module (libc). Needed where .NET 10 has no managed path on Linux
/// (../shared/spec/vrrp.md ".NET 10 notes"): raw protocol-112 and netlink sockets, netlink bind/send/recv.
/// </summary>
internal static partial class Interop
{
    public const int AfInet = 2, AfNetlink = 16, SockRaw = 3, SockCloexec = 0x80000;
    public const int SolSocket = 1, SoRcvTimeo = 20, SoBindToDevice = 25;
    public const int SolIp = 0, IpMulticastAll = 49, IpFreeBind = 15;
    public const int SolNetlink = 270, NetlinkAddMembership = 1;
    public const int NetlinkRoute = 0;
    public const int AfInet6 = 10, SolIpv6 = 41, Ipv6MulticastAll = 29, Ipv6RecvPktInfo = 49, Ipv6PktInfo = 50, Ipv6RecvHopLimit = 51, Ipv6HopLimit = 52;
    public const int MsgDontWait = 0x40;

    [LibraryImport("libc", SetLastError = true)]
    public static partial int socket(int domain, int type, int protocol);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int bind(nint fd, ReadOnlySpan<byte> address, int length);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int setsockopt(nint fd, int level, int name, ReadOnlySpan<byte> value, int length);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint send(nint fd, ReadOnlySpan<byte> buffer, nuint length, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint recv(nint fd, Span<byte> buffer, nuint length, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static unsafe partial nint recvmsg(nint fd, void* message, int flags);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    public static partial uint if_nametoindex(string name);
}
