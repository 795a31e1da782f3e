using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Sections;
using ConfigParser.Tests.Support;

namespace ConfigParser.Tests.Sections;

/// <summary>alertif_too_many_args: message as `haproxy -c` prints it ("'mode' cannot handle unexpected argument 'x'.").</summary>
public sealed class ArgumentLimitTests
{
    private static readonly SourceLocation At = new(TestConfig.FileName, 4);

    [Theory]
    [InlineData(new[] { "mode", "http" }, 1)]
    [InlineData(new[] { "daemon" }, 0)]
    [InlineData(new[] { "mode", "http", "" }, 1)]
    [InlineData(new[] { "mode", "http", "", "x" }, 1)]
    public void Exceeded_NothingRightAfterTheLastAllowedArgument_IsFine(string[] words, int max)
    {
        var diagnostics = new DiagnosticBag();

        Assert.False(ArgumentLimit.Exceeded(new ConfigLine(At, words), max, diagnostics));
        Assert.Empty(diagnostics.Items);
    }

    [Theory]
    [InlineData(new[] { "mode", "http", "x" }, 1, "[ALERT] parsing [t.cfg:4] : 'mode' cannot handle unexpected argument 'x'.")]
    [InlineData(new[] { "daemon", "x", "y" }, 0, "[ALERT] parsing [t.cfg:4] : 'daemon' cannot handle unexpected argument 'x'.")]
    public void Exceeded_ExtraArgument_ReportsTheFirstOne(string[] words, int max, string expected)
    {
        var diagnostics = new DiagnosticBag();

        Assert.True(ArgumentLimit.Exceeded(new ConfigLine(At, words), max, diagnostics));
        Assert.Equal([expected], diagnostics.Messages());
    }
}
