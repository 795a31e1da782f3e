using ConfigParser.Directives;

namespace ConfigParser.Tests.Directives;

/// <summary>
/// Durations as haproxy 2.6 parse_time_err reads them for `timeout`; each row was run through `haproxy -c`
/// (accepted, "unexpected character", overflow/underflow, or the trailing-character warning).
/// </summary>
public sealed class TimeValueParserTests
{
    [Theory]
    [InlineData("100", 100)]
    [InlineData("0", 0)]
    [InlineData("100ms", 100)]
    [InlineData("5s", 5_000)]
    [InlineData("1m", 60_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("24d", 2_073_600_000)]
    [InlineData("1us", 1)]
    [InlineData("100us", 1)]
    [InlineData("1001us", 2)]
    [InlineData("1000000000000us", 1_000_000_000)]
    [InlineData("2147483647", 2_147_483_647)]
    [InlineData("2147483647000us", 2_147_483_647)]
    [InlineData("18446744073709551616", 0)]
    public void Parse_ValidDuration_ReturnsWholeMillisecondsRoundedUp(string text, long milliseconds)
    {
        var failure = TimeValueParser.Parse(text, out var value, out _, out var trailingIgnored);

        Assert.Equal(TimeValueParser.Failure.None, failure);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
        Assert.False(trailingIgnored);
    }

    [Theory]
    [InlineData("5x", 'x')]
    [InlineData("5S", 'S')]
    [InlineData("5ux", 'u')]
    [InlineData("-1", '-')]
    [InlineData("1.5s", '.')]
    [InlineData("abc", 'a')]
    [InlineData(" 5", ' ')]
    public void Parse_UnknownUnitOrNoDigit_BlamesTheFirstUnreadableCharacter(string text, char expected)
    {
        var failure = TimeValueParser.Parse(text, out _, out var character, out _);

        Assert.Equal(TimeValueParser.Failure.UnexpectedCharacter, failure);
        Assert.Equal(expected, character);
    }

    [Theory]
    [InlineData("5sx", 5_000, 'x')]
    [InlineData("5msx", 5, 'x')]
    [InlineData("5mss", 5, 's')]
    [InlineData("5usa", 1, 'a')]
    [InlineData("5mx", 300_000, 'x')]
    [InlineData("5h10m", 18_000_000, '1')]
    public void Parse_CharactersAfterAUnit_AreIgnoredAndReported(string text, long milliseconds, char ignored)
    {
        var failure = TimeValueParser.Parse(text, out var value, out var character, out var trailingIgnored);

        Assert.Equal(TimeValueParser.Failure.None, failure);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
        Assert.True(trailingIgnored);
        Assert.Equal(ignored, character);
    }

    [Theory]
    [InlineData("2147483648")]
    [InlineData("4294967296")]
    [InlineData("99999999999")]
    [InlineData("2147484s")]
    [InlineData("25d")]
    [InlineData("2147483648000us")]
    [InlineData("18446744073709551615d")]
    public void Parse_TwoToThe31MillisecondsOrMore_IsAnOverflow(string text)
    {
        Assert.Equal(TimeValueParser.Failure.Overflow, TimeValueParser.Parse(text, out _, out _, out _));
    }

    [Fact]
    public void Parse_ValueThatWrapsToZero_IsAnUnderflow()
    {
        // 2^61 seconds times 1000 is 0 modulo 2^64: non-zero input, zero result.
        Assert.Equal(TimeValueParser.Failure.Underflow, TimeValueParser.Parse("2305843009213693952s", out _, out _, out _));
    }
}
