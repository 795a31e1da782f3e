namespace Vrrp.Tracking;

/// <summary>
/// Effective priority from tracked items (../shared/spec/vrrp.md "Timers and election"): weight &gt; 0 is added
/// while the item is good, weight &lt; 0 while it is bad, weight 0 and bad means FAULT. Pure.
/// </summary>
public static class TrackedPriority
{
    /// <summary>The effective priority and whether the instance must be in FAULT.</summary>
    public static (int Priority, bool Fault) Compute(int basePriority, IEnumerable<(int Weight, bool Good)> items)
    {
        var priority = basePriority;
        var fault = false;
        foreach (var (weight, good) in items)
        {
            if (weight == 0)
            {
                fault |= !good;
            }
            else if (weight > 0 == good)
            {
                priority += weight;
            }
        }

        return (priority, fault);
    }
}
