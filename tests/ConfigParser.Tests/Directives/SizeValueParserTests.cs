using ConfigParser.Directives;

namespace ConfigParser.Tests.Directives;

/// <summary>Sizes with k/m/g suffixes, as haproxy 2.6 parse_size_err reads them (checked with `stick-table … size`).</summary>
public sealed class SizeValueParserTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("100", 100L)]
    [InlineData("100k", 102400L)]
    [InlineData("100K", 102400L)]
    [InlineData("1m", 1048576L)]
    [InlineData("1g", 1073741824L)]
    public void Parse_ValidSize_ReturnsBytes(string text, long expected)
    {
        Assert.Null(SizeValueParser.Parse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1x", 'x')]
    [InlineData("1kb", 'b')]
    [InlineData("x1", 'x')]
    public void Parse_InvalidSize_ReturnsTheRefusedCharacter(string text, char expected) => Assert.Equal(expected, SizeValueParser.Parse(text, out _));
}
