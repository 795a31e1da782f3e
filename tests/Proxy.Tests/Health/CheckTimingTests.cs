using Proxy.Health;

namespace Proxy.Tests.Health;

public class CheckTimingTests
{
    private static readonly CheckTiming Timing = new(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10), 0);

    [Fact]
    public void IntervalFor_FullHealth_IsInter()
        => Assert.Equal(TimeSpan.FromSeconds(2), Timing.IntervalFor(new HealthCounter(4, 2, 3)));

    [Fact]
    public void IntervalFor_Starting_IsFastInter()
        => Assert.Equal(TimeSpan.FromMilliseconds(500), Timing.IntervalFor(HealthCounter.Starting(2, 3)));

    [Fact]
    public void IntervalFor_GoingUp_IsFastInter()
        => Assert.Equal(TimeSpan.FromMilliseconds(500), Timing.IntervalFor(new HealthCounter(1, 2, 3)));

    [Fact]
    public void IntervalFor_Down_IsDownInter()
        => Assert.Equal(TimeSpan.FromSeconds(10), Timing.IntervalFor(new HealthCounter(0, 2, 3)));

    [Fact]
    public void IntervalFor_NoFastOrDownInter_IsInter()
    {
        var timing = new CheckTiming(TimeSpan.FromMilliseconds(300), null, null, 0);

        Assert.Equal(TimeSpan.FromMilliseconds(300), timing.IntervalFor(new HealthCounter(0, 2, 3)));
        Assert.Equal(TimeSpan.FromMilliseconds(300), timing.IntervalFor(new HealthCounter(3, 2, 3)));
    }

    [Theory]
    [InlineData(0.0, 2200)]
    [InlineData(0.5, 2000)]
    [InlineData(0.999999, 1800)]
    public void NextDelay_Spread10Percent_StaysWithinPlusMinus(double draw, int expectedMs)
    {
        var timing = Timing with { SpreadPercent = 10 };

        var delay = timing.NextDelay(new HealthCounter(4, 2, 3), draw);

        Assert.InRange(delay.TotalMilliseconds, expectedMs - 0.01, expectedMs + 0.01);
    }

    [Fact]
    public void NextDelay_NoSpread_IgnoresTheDraw()
        => Assert.Equal(TimeSpan.FromSeconds(2), Timing.NextDelay(new HealthCounter(4, 2, 3), 0.0));

    [Fact]
    public void FirstDelay_ManyChecks_SpreadEvenlyOverTheSmallestInterval()
    {
        var delays = Enumerable.Range(0, 4).Select(i => CheckTiming.FirstDelay(i, 4, TimeSpan.FromSeconds(2)).TotalMilliseconds);

        Assert.Equal([0, 500, 1000, 1500], delays);
    }
}
