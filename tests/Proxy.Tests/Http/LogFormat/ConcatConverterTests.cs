using Proxy.Http.LogFormat;

namespace Proxy.Tests.Http.LogFormat;

public class ConcatConverterTests
{
    [Theory]
    [InlineData(new[] { "-x" }, "be", "be-x")]
    [InlineData(new[] { "[", "", "]" }, "be", "be[]")]
    [InlineData(new string[0], "be", "be")]
    public void Convert_ConstantParts_AppendedAfterTheSample(string[] args, string sample, string expected)
        => Assert.Equal(expected, ConcatConverter.Create(args)!.Convert(sample));

    [Fact]
    public void Create_WithVariable_Refused() => Assert.Null(ConcatConverter.Create(["a", "txn.v", "b"]));
}
