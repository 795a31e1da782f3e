using Vrrp.Hosting;
using Vrrp.Tests.Common;

namespace Vrrp.Tests.Hosting;

public class GarpScheduleTests
{
    [Fact]
    public void Start_DelayAndRefresh_OneDelayedBurstThenOneEveryRefresh()
    {
        var time = new FakeTimeProvider();
        var bursts = 0;
        var schedule = new GarpSchedule(time, () => bursts++);

        schedule.Start(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60));
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, bursts);
        time.Advance(TimeSpan.FromSeconds(55));
        Assert.Equal(2, bursts);
        time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(3, bursts);
    }

    [Fact]
    public void Stop_AfterStart_NoMoreBursts()
    {
        var time = new FakeTimeProvider();
        var bursts = 0;
        var schedule = new GarpSchedule(time, () => bursts++);
        schedule.Start(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60));

        schedule.Stop();
        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, bursts);
    }
}
