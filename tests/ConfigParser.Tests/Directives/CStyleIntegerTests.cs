using ConfigParser.Directives;

namespace ConfigParser.Tests.Directives;

/// <summary>
/// atol()/atoi() as glibc implements them. The int rows were seen through HAProxy: `weight 99999999999` is
/// reported as 1215752191 and `weight 4294967297` is accepted as 1.
/// </summary>
public sealed class CStyleIntegerTests
{
    [Theory]
    [InlineData("10", 10)]
    [InlineData("10x", 10)]
    [InlineData("x", 0)]
    [InlineData("", 0)]
    [InlineData("-5", -5)]
    [InlineData("+7", 7)]
    [InlineData(" \t42", 42)]
    [InlineData("- 5", 0)]
    [InlineData("99999999999", 99_999_999_999)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("99999999999999999999", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("-99999999999999999999", long.MinValue)]
    public void Atol_Text_ReadsTheLeadingIntegerAndSaturates(string text, long expected)
    {
        Assert.Equal(expected, CStyleInteger.Atol(text));
    }

    [Theory]
    [InlineData("256", 256)]
    [InlineData("99999999999", 1_215_752_191)]
    [InlineData("4294967297", 1)]
    [InlineData("4294967496", 200)]
    [InlineData("99999999999999999999", -1)]
    public void Atoi_LargeValue_KeepsTheLow32Bits(string text, int expected)
    {
        Assert.Equal(expected, CStyleInteger.Atoi(text));
    }
}
