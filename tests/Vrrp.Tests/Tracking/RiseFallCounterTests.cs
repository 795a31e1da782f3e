using Vrrp.Tracking;

namespace Vrrp.Tests.Tracking;

public class RiseFallCounterTests
{
    [Theory]
    // results (1 = success), rise, fall, expected verdict after each result
    [InlineData("0", 1, 1, "B")]
    [InlineData("001", 2, 2, "GBB")]
    [InlineData("00110", 2, 2, "GBBGG")]
    [InlineData("0101", 1, 2, "GGGG")]
    [InlineData("000111", 3, 3, "GGBBBG")]
    public void Record_Sequence_FlipsAfterRiseOrFallConsecutiveResults(string results, int rise, int fall, string expected)
    {
        var counter = new RiseFallCounter(rise, fall);

        var verdicts = string.Concat(results.Select(r => { counter.Record(r == '1'); return counter.Good ? 'G' : 'B'; }));

        Assert.Equal(expected, verdicts);
    }
}
