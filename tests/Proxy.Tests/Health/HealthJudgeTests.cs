using Proxy.Health;

namespace Proxy.Tests.Health;

public class HealthJudgeTests
{
    // Runs a sequence of results ('+' pass, '-' fail) from the starting state and returns the UP/DOWN trail.
    private static string Trail(string results, int rise = 2, int fall = 3)
    {
        var counter = HealthCounter.Starting(rise, fall);
        var trail = "";
        foreach (var r in results)
        {
            (counter, _) = HealthJudge.Judge(counter, r == '+');
            trail += counter.IsUp ? 'U' : 'D';
        }

        return trail;
    }

    [Fact]
    public void Judge_FirstFailureAfterStart_GoesDownImmediately()
    {
        var (next, transition) = HealthJudge.Judge(HealthCounter.Starting(2, 3), passed: false);

        Assert.Equal(0, next.Health);
        Assert.Equal(HealthTransition.WentDown, transition);
    }

    [Fact]
    public void Judge_FirstSuccessAfterStart_ReachesFullHealth()
    {
        var (next, transition) = HealthJudge.Judge(HealthCounter.Starting(2, 3), passed: true);

        Assert.Equal(4, next.Health);
        Assert.Equal(HealthTransition.None, transition);
    }

    [Theory]
    [InlineData("+--", "UUU")]
    [InlineData("+---", "UUUD")]
    [InlineData("+--+---", "UUUUUUD")]
    [InlineData("-+", "DD")]
    [InlineData("-++", "DDU")]
    [InlineData("-+-++", "DDDDU")]
    [InlineData("-", "D")]
    public void Judge_Sequence_FollowsRiseAndFall(string results, string expected)
        => Assert.Equal(expected, Trail(results));

    [Theory]
    [InlineData(1, 1, "+-+-", "UDUD")]
    [InlineData(3, 2, "+--+++", "UUDDDU")]
    [InlineData(5, 5, "+----+", "UUUUUU")]
    public void Judge_OtherRiseFall_CountsThem(int rise, int fall, string results, string expected)
        => Assert.Equal(expected, Trail(results, rise, fall));

    [Fact]
    public void Judge_DownThenUp_ReportsEachTransitionOnce()
    {
        var counter = HealthCounter.Starting(2, 3);
        var transitions = new List<HealthTransition>();
        foreach (var passed in new[] { false, false, true, true, true, false, false, false })
        {
            (counter, var t) = HealthJudge.Judge(counter, passed);
            transitions.Add(t);
        }

        Assert.Equal(
            [HealthTransition.WentDown, HealthTransition.None, HealthTransition.None, HealthTransition.WentUp, HealthTransition.None,
             HealthTransition.None, HealthTransition.None, HealthTransition.WentDown],
            transitions);
    }
}
