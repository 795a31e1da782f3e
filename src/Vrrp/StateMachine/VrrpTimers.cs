namespace Vrrp.StateMachine;

/// <summary>
/// The election timers of RFC 5798 §6.1, in centiseconds as the RFC computes them (integer arithmetic), so a
/// backup with a higher priority always fires first. Pure: no clock.
/// </summary>
public static class VrrpTimers
{
    /// <summary>Skew_Time = ((256 - Priority) * Master_Adver_Interval) / 256.</summary>
    /// <param name="priority">The backup's own priority, 1 to 255.</param>
    /// <param name="masterAdvertIntervalCentiseconds">The master's advertisement interval.</param>
    public static TimeSpan SkewTime(int priority, int masterAdvertIntervalCentiseconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(priority, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(priority, 255);
        return Centiseconds((256 - priority) * masterAdvertIntervalCentiseconds / 256);
    }

    /// <summary>Master_Down_Interval = 3 * Master_Adver_Interval + Skew_Time.</summary>
    public static TimeSpan MasterDownInterval(int priority, int masterAdvertIntervalCentiseconds)
        => Centiseconds(3 * masterAdvertIntervalCentiseconds) + SkewTime(priority, masterAdvertIntervalCentiseconds);

    private static TimeSpan Centiseconds(int value) => TimeSpan.FromMilliseconds(value * 10L);
}
