using ConfigParser.Lexing;

namespace ConfigParser.Tests.Lexing;

/// <summary>${.FILE}, ${.LINE} and ${.SECTION}; expected values come from `.notice "…"` lines under `haproxy -c`.</summary>
public sealed partial class ConfigTokenizerTests
{
    private static readonly PseudoVariables InFrontend = new("t.cfg", 4, "fe");

    [Theory]
    [InlineData("\"${.FILE}:${.LINE} ${.SECTION}\"", new[] { "t.cfg:4 fe" })]
    [InlineData("\"$.LINE\"", new[] { "4" })]
    [InlineData("\"${.LINE-x}\"", new[] { "4" })]
    [InlineData("\"${.SECTION[*]}\"", new[] { "fe" })]
    [InlineData("${.LINE}", new[] { "${.LINE}" })]
    [InlineData("'${.LINE}'", new[] { "${.LINE}" })]
    public void Tokenize_PseudoVariable_Expands(string line, string[] expected)
    {
        var result = ConfigTokenizer.Tokenize(line, Environment, InFrontend);

        Assert.Null(result.Error);
        Assert.Equal(expected, result.Words);
    }

    [Fact]
    public void Tokenize_SectionBeforeAnySection_IsUnset()
    {
        var result = ConfigTokenizer.Tokenize("\"[${.SECTION}] ${.SECTION-def}\"", Environment, new PseudoVariables("t.cfg", 2, null));

        Assert.Equal(["[] def"], result.Words);
    }

    [Theory]
    [InlineData("\"a=${.line}\"", "forbidden first char in environment variable name at position 6:\n  \"a=${.line\n       ^")]
    [InlineData("\"a=${.}\"", "forbidden first char in environment variable name at position 6:\n  \"a=${.\n       ^")]
    [InlineData("\"a=$.LINEx\"", "forbidden first char in environment variable name at position 5:\n  \"a=$.LINEx\n      ^")]
    [InlineData("\"${.LINE-x} ${.X}\"", "forbidden first char in environment variable name at position 15:\n  \"${.LINE-x\n                ^")]
    public void Tokenize_UnknownPseudoVariable_IsRefusedAtTheDot(string line, string expected)
    {
        var result = ConfigTokenizer.Tokenize(line, Environment, InFrontend);

        Assert.Equal(expected, result.Error);
    }

    [Theory]
    [InlineData(".if 1", false)]
    [InlineData(".if 1 ", true)]
    [InlineData(".if 1 # c", true)]
    [InlineData(".if 1# c", false)]
    [InlineData(".if \"\"", true)]
    public void Tokenize_TrailingBlanks_LeaveAnEmptyLastWord(string line, bool expected)
    {
        Assert.Equal(expected, ConfigTokenizer.Tokenize(line, Environment).EndsWithEmptyWord);
    }
}
