using ConfigParser.Diagnostics;
using ConfigParser.Lexing;

namespace ConfigParser.Tests.Lexing;

/// <summary>
/// The block state machine alone. Messages and the reader's handling of each outcome are checked against
/// `haproxy -c` in ConfigFileReaderTests.Blocks.
/// </summary>
public sealed class ConditionalBlocksTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    private static DirectiveOutcome Feed(ConditionalBlocks blocks, DiagnosticBag diagnostics, params string[] words)
        => blocks.Handle(new ConfigLine(new SourceLocation("t.cfg", 1), words), string.Join(' ', words.Skip(1)), NoEnvironment, diagnostics);

    [Theory]
    [InlineData("1", "0", true, false, false)]
    [InlineData("0", "1", false, true, false)]
    [InlineData("0", "0", false, false, true)]
    public void Handle_IfElifElse_TakesExactlyOneBranch(string ifCondition, string elifCondition, bool first, bool second, bool third)
    {
        var blocks = new ConditionalBlocks();
        var diagnostics = new DiagnosticBag();

        Feed(blocks, diagnostics, ".if", ifCondition);
        var active = new List<bool> { blocks.IsActive };
        Feed(blocks, diagnostics, ".elif", elifCondition);
        active.Add(blocks.IsActive);
        Feed(blocks, diagnostics, ".else");
        active.Add(blocks.IsActive);
        Feed(blocks, diagnostics, ".endif");

        Assert.Equal([first, second, third], active);
        Assert.True(blocks.IsActive);
        Assert.False(blocks.IsOpen);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Handle_IfInsideASkippedBranch_IsNotEvaluated()
    {
        var blocks = new ConditionalBlocks();
        var diagnostics = new DiagnosticBag();

        Feed(blocks, diagnostics, ".if", "0");
        var outcome = Feed(blocks, diagnostics, ".if", "bad(");
        Feed(blocks, diagnostics, ".else");

        Assert.Equal(DirectiveOutcome.Continue, outcome);
        Assert.False(blocks.IsActive);
        Assert.Empty(diagnostics.Items);
    }

    [Theory]
    [InlineData(".elif")]
    [InlineData(".else")]
    [InlineData(".endif")]
    public void Handle_LoneDirective_Aborts(string keyword)
    {
        var diagnostics = new DiagnosticBag();

        var outcome = Feed(new ConditionalBlocks(), diagnostics, keyword);

        Assert.Equal(DirectiveOutcome.Abort, outcome);
        Assert.Equal($"lone '{keyword}' with no matching '.if'.", Assert.Single(diagnostics.Items).Message);
        Assert.True(diagnostics.HasAbort);
    }

    [Fact]
    public void Handle_EndifWithArgument_StopsReadingButLeavesTheBlockOpen()
    {
        var blocks = new ConditionalBlocks();
        var diagnostics = new DiagnosticBag();
        Feed(blocks, diagnostics, ".if", "1");

        var outcome = Feed(blocks, diagnostics, ".endif", "x");

        Assert.Equal(DirectiveOutcome.StopReading, outcome);
        Assert.True(blocks.IsOpen);
    }

    [Fact]
    public void Handle_HundredthNestedIf_IsRefused()
    {
        var blocks = new ConditionalBlocks();
        var diagnostics = new DiagnosticBag();
        for (var i = 0; i < ConditionalBlocks.MaxNested - 1; i++)
        {
            Assert.Equal(DirectiveOutcome.Continue, Feed(blocks, diagnostics, ".if", "1"));
        }

        Assert.Equal(DirectiveOutcome.Abort, Feed(blocks, diagnostics, ".if", "1"));
        Assert.Equal("too many nested '.if', max is 100.", Assert.Single(diagnostics.Items).Message);
    }
}
