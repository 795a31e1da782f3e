using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Proxy.Transport;

/// <summary>
/// One epoll instance and the thread that waits on it. Descriptors are registered edge-triggered, once, for reads
/// and writes; the handler runs on this thread and continues inline (haproxy 2.6 does the same on its pollers:
/// one thread per loop, no hand-off per event). The thread is a background thread and lives as long as the process.
/// </summary>
/// <remarks>
/// The event's data is a GCHandle to the handler. A handle is freed only by this thread, after the batch in which it
/// was unregistered: once epoll_ctl(DEL) returned no later epoll_wait reports the descriptor, but the batch being
/// handled may still hold an event for it.
/// </remarks>
internal sealed unsafe class EpollLoop
{
    private const int MaxEvents = 256;

    // Frees pending handles even when no event comes (an idle server after its last connection closed).
    private const int IdleWakeMilliseconds = 1000;

    private readonly int _epfd;
    private readonly Thread _thread;
    private readonly ConcurrentQueue<GCHandle> _released = new();

    /// <summary>The loop whose thread this is, or null on any other thread.</summary>
    [ThreadStatic]
    private static EpollLoop? t_current;

    /// <summary>The loop running on the calling thread, or null.</summary>
    public static EpollLoop? Current => t_current;

    public EpollLoop(string name)
    {
        _epfd = Interop.EpollCreate1(LinuxNet.EpollCloexec);
        if (_epfd < 0)
        {
            throw LinuxNet.ToException(LinuxNet.LastErrno, "epoll_create1");
        }

        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Adds <paramref name="fd"/> (EPOLLIN|EPOLLOUT|EPOLLRDHUP, edge-triggered); the token unregisters it.</summary>
    public nint Register(int fd, IEpollHandler handler, bool writes = true)
    {
        var handle = GCHandle.Alloc(handler);
        var token = GCHandle.ToIntPtr(handle);
        var ev = stackalloc byte[16];
        var events = LinuxNet.EpollIn | LinuxNet.EpollRdHup | LinuxNet.EpollEdgeTriggered | (writes ? LinuxNet.EpollOut : 0);
        Unsafe.WriteUnaligned(ev, events);
        Unsafe.WriteUnaligned(ev + LinuxNet.EpollDataOffset, (ulong)token);
        if (Interop.EpollCtl(_epfd, LinuxNet.EpollCtlAdd, fd, ev) != 0)
        {
            var errno = LinuxNet.LastErrno;
            handle.Free();
            throw LinuxNet.ToException(errno, "epoll_ctl");
        }

        return token;
    }

    /// <summary>Removes <paramref name="fd"/> (before it is closed); the handler gets no event after this batch.</summary>
    public void Unregister(int fd, nint token)
    {
        var ev = stackalloc byte[16];
        Interop.EpollCtl(_epfd, LinuxNet.EpollCtlDel, fd, ev);
        _released.Enqueue(GCHandle.FromIntPtr(token));
    }

    private void Run()
    {
        t_current = this;
        var size = LinuxNet.EpollEventSize;
        var dataOffset = LinuxNet.EpollDataOffset;
        var events = (byte*)NativeMemory.Alloc((nuint)(MaxEvents * size));
        try
        {
            while (true)
            {
                var count = Interop.EpollWait(_epfd, events, MaxEvents, IdleWakeMilliseconds);
                if (count < 0)
                {
                    if (LinuxNet.LastErrno == LinuxNet.EIntr)
                    {
                        continue;
                    }

                    break;
                }

                for (var i = 0; i < count; i++)
                {
                    var ev = events + (i * size);
                    var bits = Unsafe.ReadUnaligned<uint>(ev);
                    var token = (nint)Unsafe.ReadUnaligned<ulong>(ev + dataOffset);
                    if (GCHandle.FromIntPtr(token).Target is IEpollHandler handler)
                    {
                        try
                        {
                            handler.OnEvents(bits);
                        }
                        catch (Exception)
                        {
                            // A handler translates its own failures; none may stop the loop the other descriptors share.
                        }
                    }
                }

                while (_released.TryDequeue(out var handle))
                {
                    handle.Free();
                }
            }
        }
        finally
        {
            NativeMemory.Free(events);
        }
    }
}
