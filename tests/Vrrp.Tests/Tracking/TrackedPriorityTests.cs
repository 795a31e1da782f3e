using Vrrp.Tracking;

namespace Vrrp.Tests.Tracking;

public class TrackedPriorityTests
{
    [Theory]
    [InlineData(101, 2, true, 103, false)]    // weight > 0 added while good (the harness: 101 + 2 = 103)
    [InlineData(101, 2, false, 101, false)]
    [InlineData(100, -20, false, 80, false)]  // weight < 0 added while failing
    [InlineData(100, -20, true, 100, false)]
    [InlineData(100, 0, false, 100, true)]    // weight 0: failure means FAULT
    [InlineData(100, 0, true, 100, false)]
    public void Compute_OneItem_FollowsKeepalivedWeights(int basePriority, int weight, bool good, int priority, bool fault)
    {
        Assert.Equal((priority, fault), TrackedPriority.Compute(basePriority, [(weight, good)]));
    }
}
