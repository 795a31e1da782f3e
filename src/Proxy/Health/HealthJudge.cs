namespace Proxy.Health;

/// <summary>
/// Pure rise/fall arithmetic (haproxy 2.6 src/check.c check_notify_success / check_notify_failure).
/// </summary>
internal static class HealthJudge
{
    /// <summary>The counter after one check result, and whether the server crossed UP/DOWN.</summary>
    public static (HealthCounter Next, HealthTransition Transition) Judge(HealthCounter counter, bool passed)
    {
        var wasUp = counter.IsUp;
        int health;
        if (passed)
        {
            // Any success that leaves the server UP (the rise-th from DOWN, or one while going down) restores full health.
            health = Math.Min(counter.Health + 1, counter.Max);
            if (health >= counter.Rise)
            {
                health = counter.Max;
            }
        }
        else
        {
            // Dropping below rise forces 0: a server never sits "DOWN with some failures left".
            health = counter.Health - 1;
            if (health < counter.Rise)
            {
                health = 0;
            }
        }

        var next = counter with { Health = health };
        var transition = wasUp == next.IsUp ? HealthTransition.None : next.IsUp ? HealthTransition.WentUp : HealthTransition.WentDown;
        return (next, transition);
    }
}
