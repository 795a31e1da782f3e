using Vrrp.Hosting;
using Vrrp.StateMachine;
using Vrrp.Tests.Common;

namespace Vrrp.Tests.Hosting;

public class MachineTimersTests
{
    [Fact]
    public void TryRetire_TimerRestartedAfterItFired_OldGenerationIsStale()
    {
        var time = new FakeTimeProvider();
        var fired = new List<long>();
        var timers = new MachineTimers(time, (_, generation) => fired.Add(generation));
        timers.Start(VrrpTimerKind.MasterDown, TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(1));
        var first = Assert.Single(fired);

        // The callback was queued, then the timer was restarted before the callback ran.
        timers.Start(VrrpTimerKind.MasterDown, TimeSpan.FromSeconds(3));

        Assert.False(timers.TryRetire(VrrpTimerKind.MasterDown, first));
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.True(timers.TryRetire(VrrpTimerKind.MasterDown, fired[^1]));
        Assert.False(timers.TryRetire(VrrpTimerKind.MasterDown, fired[^1]));
    }

    [Fact]
    public void Stop_RunningTimer_NeverFires()
    {
        var time = new FakeTimeProvider();
        var fired = 0;
        var timers = new MachineTimers(time, (_, _) => fired++);
        timers.Start(VrrpTimerKind.Advert, TimeSpan.FromSeconds(1));

        timers.Stop(VrrpTimerKind.Advert);
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(0, fired);
    }
}
