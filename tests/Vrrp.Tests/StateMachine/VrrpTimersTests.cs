using Vrrp.StateMachine;

namespace Vrrp.Tests.StateMachine;

public class VrrpTimersTests
{
    [Theory]
    // keepalived 2.2.7 measured here: priority 102, advert_int 1 s → takeover after 3.602 s (../shared/spec/vrrp.md).
    [InlineData(102, 100, 600, 3600)]
    [InlineData(100, 100, 600, 3600)]
    [InlineData(255, 100, 0, 3000)]
    [InlineData(1, 100, 990, 3990)]
    // VRRPv3 centisecond interval: advert_int 0.2 s.
    [InlineData(150, 20, 80, 680)]
    public void MasterDownInterval_PriorityAndInterval_FollowsRfc5798(int priority, int intervalCs, int skewMs, int downMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(skewMs), VrrpTimers.SkewTime(priority, intervalCs));
        Assert.Equal(TimeSpan.FromMilliseconds(downMs), VrrpTimers.MasterDownInterval(priority, intervalCs));
    }

    [Fact]
    public void MasterDownInterval_HigherPriority_AlwaysExpiresFirst()
    {
        for (var priority = 1; priority < 255; priority++)
        {
            Assert.True(VrrpTimers.MasterDownInterval(priority + 1, 100) <= VrrpTimers.MasterDownInterval(priority, 100));
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(256)]
    public void SkewTime_PriorityOutOfRange_Throws(int priority)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VrrpTimers.SkewTime(priority, 100));
    }
}
