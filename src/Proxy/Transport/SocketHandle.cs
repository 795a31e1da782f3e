using System.Runtime.InteropServices;

namespace Proxy.Transport;

/// <summary>
/// A socket descriptor whose close(2) waits for the system calls in progress on it (as .NET's own SafeSocketHandle
/// does), so that a Dispose from another thread never lets a recv or send reach a reused descriptor number.
/// </summary>
internal sealed class SocketHandle : SafeHandle
{
    public SocketHandle(int fd)
        : base(new IntPtr(-1), ownsHandle: true)
    {
        SetHandle(new IntPtr(fd));
    }

    public override bool IsInvalid => handle.ToInt64() < 0;

    public int Fd => (int)handle.ToInt64();

    protected override bool ReleaseHandle() => Interop.Close(Fd) == 0;
}
