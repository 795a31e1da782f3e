namespace Proxy.Transport;

/// <summary>
/// The process's epoll loops, one per CPU it may run on, shared by the listeners' connections and the connections
/// to servers (haproxy 2.6 runs one poller per thread the same way). A connection to a server opened from a loop's
/// thread stays on that loop, so a request and its server exchange never change threads.
/// </summary>
internal static class EpollLoops
{
    private static readonly Lazy<EpollLoop[]> Loops = new(() => Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount))
        .Select(i => new EpollLoop("epoll-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray());

    private static int _next;

    /// <summary>The calling thread's loop, else the next one in turn.</summary>
    public static EpollLoop Pick() => EpollLoop.Current ?? Next();

    /// <summary>The next loop in turn.</summary>
    public static EpollLoop Next()
    {
        var loops = Loops.Value;
        return loops[(int)((uint)Interlocked.Increment(ref _next) % (uint)loops.Length)];
    }
}
