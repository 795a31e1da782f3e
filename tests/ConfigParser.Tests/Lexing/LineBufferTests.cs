using ConfigParser.Lexing;

namespace ConfigParser.Tests.Lexing;

/// <summary>
/// haproxy 2.6's lost '}' of "${NAME-default}" when the per-file word buffer grows. The loader-level rows with
/// haproxy's own output are in ConfigFileReaderTests.Environment.
/// </summary>
public sealed class LineBufferTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Split_DefaultOnTheFirstLine_IsRefusedAsAnUnmatchedBrace()
    {
        var result = new LineBuffer().Split("a \"${X-d}\"", NoEnvironment, PseudoVariables.None);

        Assert.Equal("unmatched brace in environment variable name at position 5:\n  a \"${X-d\n      ^", result.Error);
    }

    [Fact]
    public void Split_DefaultOnALineThatFits_Expands()
    {
        var buffer = new LineBuffer();
        buffer.Split("global", NoEnvironment, PseudoVariables.None);

        var result = buffer.Split("a \"${X-d}\"", NoEnvironment, PseudoVariables.None);

        Assert.Equal(["a", "d"], result.Words);
    }

    [Theory]
    [InlineData(1014, true)]
    [InlineData(1015, false)]
    public void Split_LongerLineThanTheBuffer_LosesTheDefault(int length, bool fits)
    {
        var buffer = new LineBuffer();
        buffer.Split("global", NoEnvironment, PseudoVariables.None);

        var result = buffer.Split(".notice \"${X-x}" + new string('b', length) + "\"", NoEnvironment, PseudoVariables.None);

        Assert.Equal(fits, result.Error is null);
    }
}
