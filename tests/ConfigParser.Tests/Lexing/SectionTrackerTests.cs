using ConfigParser.Diagnostics;
using ConfigParser.Lexing;

namespace ConfigParser.Tests.Lexing;

/// <summary>${.SECTION} and the global flag; values checked with `.notice "${.SECTION}"` under `haproxy -c`.</summary>
public sealed class SectionTrackerTests
{
    private static ConfigLine Line(params string[] words) => new(new SourceLocation("t.cfg", 1), words);

    [Theory]
    [InlineData(new[] { "global" }, "global", true)]
    [InlineData(new[] { "global", "junk" }, "junk", true)]
    [InlineData(new[] { "defaults" }, "defaults", false)]
    [InlineData(new[] { "frontend", "fe" }, "fe", false)]
    [InlineData(new[] { "frontend", "", "x" }, "frontend", false)]
    [InlineData(new[] { "ring", "r" }, "r", false)]
    public void See_SectionKeyword_NamesTheSection(string[] words, string name, bool global)
    {
        var tracker = new SectionTracker();

        tracker.See(Line(words));

        Assert.Equal(name, tracker.Name);
        Assert.Equal(global, tracker.IsGlobal);
    }

    [Fact]
    public void See_OtherKeyword_ChangesNothing()
    {
        var tracker = new SectionTracker();

        tracker.See(Line("maxconn", "10"));

        Assert.Null(tracker.Name);
        Assert.False(tracker.IsGlobal);
    }
}
