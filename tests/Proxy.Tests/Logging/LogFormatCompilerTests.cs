using Proxy.Logging;

namespace Proxy.Tests.Logging;

public sealed class LogFormatCompilerTests
{
    [Theory]
    [InlineData(LogFormats.Http)]
    [InlineData(LogFormats.HttpClf)]
    [InlineData(LogFormats.Tcp)]
    [InlineData(LogFormats.Https)]
    public void Compile_BuiltInFormats_Succeed(string format)
    {
        var nodes = LogFormatCompiler.Compile(format, out var error);

        Assert.Null(error);
        Assert.NotNull(nodes);
        Assert.NotEmpty(nodes);
    }

    [Fact]
    public void Compile_UnknownVariable_GivesHaproxyMessage()
    {
        var nodes = LogFormatCompiler.Compile("%ci %zz %[src]", out var error);

        Assert.Null(nodes);
        Assert.Equal("no such format variable 'zz'. If you wanted to emit the '%' character verbatim, you need to use '%%'.", error);
    }

    [Fact]
    public void Compile_UnknownFetch_GivesHaproxyMessage()
    {
        var nodes = LogFormatCompiler.Compile("%ci %[nosuch] %[src]", out var error);

        Assert.Null(nodes);
        Assert.Equal("failed to parse sample expression <nosuch] %[src]> : unknown fetch method 'nosuch'.", error);
    }

    [Fact]
    public void Compile_UnclosedFlags_GivesTruncatedLine()
    {
        var nodes = LogFormatCompiler.Compile("%ci %{+Q %[src]", out var error);

        Assert.Null(nodes);
        Assert.Equal("truncated line after '+Q %[src]'", error);
    }

    [Fact]
    public void Compile_DoublePercentAndSpaces_LiteralAndOneSeparator()
    {
        var nodes = LogFormatCompiler.Compile("100%%   %{+Q}s", out _)!;

        Assert.Equal([LogNodeKind.Literal, LogNodeKind.Separator, LogNodeKind.Variable], nodes.Select(n => n.Kind));
        Assert.Equal("100%", nodes[0].Text);
        Assert.True(nodes[2].Quote);
    }

    [Fact]
    public void Compile_StickyFlags_ApplyToLaterVariablesUntilCleared()
    {
        var nodes = LogFormatCompiler.Compile("%{+Q}o %{-Q}ci %b", out _)!;

        var variables = nodes.Where(n => n.Kind == LogNodeKind.Variable).ToArray();
        Assert.False(variables[0].Quote);
        Assert.True(variables[1].Quote);
    }
}
