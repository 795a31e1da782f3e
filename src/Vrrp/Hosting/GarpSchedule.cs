namespace Vrrp.Hosting;

/// <summary>
/// The gratuitous ARP / unsolicited NA bursts after a MASTER transition, as keepalived 2.2.7 paces them (observed): a
/// burst right away, another after garp_master_delay (Linux ignores a second update within its 1 s locktime), then
/// one every garp_master_refresh if set. Not thread-safe: the owning <see cref="VrrpInstanceRunner"/> calls it under
/// its lock, and <paramref name="burst"/> takes that lock itself.
/// </summary>
internal sealed class GarpSchedule(TimeProvider time, Action burst)
{
    private readonly List<ITimer> _timers = [];

    /// <summary>Schedules the delayed and periodic bursts (the first one is the caller's).</summary>
    public void Start(TimeSpan delay, TimeSpan? refresh)
    {
        Stop();
        if (delay > TimeSpan.Zero)
        {
            _timers.Add(time.CreateTimer(_ => burst(), null, delay, Timeout.InfiniteTimeSpan));
        }

        if (refresh is { } every)
        {
            _timers.Add(time.CreateTimer(_ => burst(), null, every, every));
        }
    }

    /// <summary>Cancels every pending burst.</summary>
    public void Stop()
    {
        foreach (var timer in _timers)
        {
            timer.Dispose();
        }

        _timers.Clear();
    }
}
