namespace Proxy.Health;

/// <summary>
/// When the next check of a server runs (haproxy 2.6 src/check.c srv_getinter and the spread-checks jitter).
/// </summary>
/// <param name="Inter">`inter`: the interval at full health (2 s by default).</param>
/// <param name="FastInter">`fastinter`: while going up or down; null for inter.</param>
/// <param name="DownInter">`downinter`: while fully DOWN; null for inter.</param>
/// <param name="SpreadPercent">global `spread-checks`: ± this percent of random jitter.</param>
internal sealed record CheckTiming(TimeSpan Inter, TimeSpan? FastInter, TimeSpan? DownInter, int SpreadPercent)
{
    /// <summary>haproxy 2.6: `inter` defaults to 2000 ms.</summary>
    public static readonly TimeSpan DefaultInter = TimeSpan.FromSeconds(2);

    /// <summary>The interval for a counter, before jitter.</summary>
    public TimeSpan IntervalFor(HealthCounter counter)
    {
        if (counter.Health == counter.Max)
        {
            return Inter;
        }

        return counter.Health == 0 ? DownInter ?? Inter : FastInter ?? Inter;
    }

    /// <summary>The delay before the next check; <paramref name="unit"/> is a random draw in [0, 1).</summary>
    public TimeSpan NextDelay(HealthCounter counter, double unit)
    {
        var interval = IntervalFor(counter);
        if (SpreadPercent <= 0)
        {
            return interval;
        }

        // interval ± spread%: the jitter is uniform over [-rv, +rv].
        var rv = interval.TotalMilliseconds * SpreadPercent / 100.0;
        return TimeSpan.FromMilliseconds(Math.Max(1, interval.TotalMilliseconds + rv - (2 * rv * unit)));
    }

    /// <summary>
    /// The first check's delay for the <paramref name="position"/>-th of <paramref name="count"/> checks: haproxy 2.6
    /// spreads start times evenly over the smallest interval, so 1,000 servers do not connect at the same instant.
    /// </summary>
    public static TimeSpan FirstDelay(int position, int count, TimeSpan smallestInterval)
        => count <= 0 ? TimeSpan.Zero : TimeSpan.FromTicks(smallestInterval.Ticks * position / count);
}
