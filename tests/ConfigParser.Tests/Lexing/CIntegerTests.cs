using ConfigParser.Lexing;

namespace ConfigParser.Tests.Lexing;

/// <summary>strtol as ".if" terms and version numbers use it (base 0 and base 10).</summary>
public sealed class CIntegerTests
{
    [Theory]
    [InlineData("0x10", 0, 16L, 4)]
    [InlineData("010", 0, 8L, 3)]
    [InlineData("08", 0, 0L, 1)]
    [InlineData("0x", 0, 0L, 1)]
    [InlineData(" -1", 0, -1L, 3)]
    [InlineData("+7z", 10, 7L, 2)]
    [InlineData("010", 10, 10L, 3)]
    [InlineData("99999999999999999999", 10, long.MaxValue, 20)]
    public void TryParse_Digits_ReadsLikeStrtol(string text, int numberBase, long expected, int end)
    {
        Assert.True(CInteger.TryParse(text, 0, numberBase, out var value, out var stop));
        Assert.Equal(expected, value);
        Assert.Equal(end, stop);
    }

    [Theory]
    [InlineData("")]
    [InlineData("- 1")]
    [InlineData("x")]
    public void TryParse_NoDigit_Fails(string text)
    {
        Assert.False(CInteger.TryParse(text, 0, 0, out _, out var end));
        Assert.Equal(0, end);
    }
}
