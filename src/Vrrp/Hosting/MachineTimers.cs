using Vrrp.StateMachine;

namespace Vrrp.Hosting;

/// <summary>
/// The state machine's timers for one instance (advert, master-down, preempt delay) on an injected TimeProvider. Each
/// start gets a generation, so a timer replaced or stopped after its callback was already queued is recognised as
/// stale. Not thread-safe: the owning <see cref="VrrpInstanceRunner"/> calls it under its lock.
/// </summary>
internal sealed class MachineTimers(TimeProvider time, Action<VrrpTimerKind, long> fired)
{
    private readonly Dictionary<VrrpTimerKind, (ITimer Timer, long Generation)> _timers = [];
    private long _generation;

    /// <summary>(Re)starts <paramref name="kind"/> to fire once after <paramref name="delay"/>.</summary>
    public void Start(VrrpTimerKind kind, TimeSpan delay)
    {
        Stop(kind);
        var generation = ++_generation;
        var timer = time.CreateTimer(_ => fired(kind, generation), null, delay, Timeout.InfiniteTimeSpan);
        _timers[kind] = (timer, generation);
    }

    /// <summary>Stops <paramref name="kind"/> if it runs.</summary>
    public void Stop(VrrpTimerKind kind)
    {
        if (_timers.Remove(kind, out var old))
        {
            old.Timer.Dispose();
        }
    }

    /// <summary>True when the callback of <paramref name="generation"/> is the current one; it is then retired.</summary>
    public bool TryRetire(VrrpTimerKind kind, long generation)
    {
        if (!_timers.TryGetValue(kind, out var current) || current.Generation != generation)
        {
            return false;
        }

        _timers.Remove(kind);
        current.Timer.Dispose();
        return true;
    }
}
