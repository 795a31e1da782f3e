using ConfigParser.Diagnostics;
using ConfigParser.Directives;
using ConfigParser.Lexing;
using ConfigParser.Model;
using ConfigParser.Tests.Support;

namespace ConfigParser.Tests.Directives;

/// <summary>`log` lines → <see cref="LogTarget"/>; errors are in the keyword catalog tests.</summary>
public sealed class LogParserTests
{
    private static readonly SourceLocation At = new(TestConfig.FileName, 2);

    private static LogTarget Parse(string line)
    {
        var diagnostics = new DiagnosticBag();
        var log = LogParser.Parse(new ConfigLine(At, line.Split(' ')), diagnostics, ConfigParser.Resolution.HostNameResolver.Resolves);
        Assert.Empty(diagnostics.Items);
        return log!;
    }

    [Fact]
    public void Parse_Global_UsesTheGlobalTargets() => Assert.Equal(new LogTarget(At, true, "", ""), Parse("log global"));

    [Theory]
    [InlineData("log 127.0.0.1:514 local0", "127.0.0.1:514")]
    [InlineData("log /dev/log local0", "/dev/log")]
    [InlineData("log stdout local0", "stdout")]
    [InlineData("log stderr local0", "stderr")]
    [InlineData("log ring@buf local0", "ring@buf")]
    public void Parse_Target_IsKeptAsWritten(string line, string target)
    {
        var log = Parse(line);

        Assert.Equal((target, "local0", false), (log.Target, log.Facility, log.IsGlobal));
    }

    [Fact]
    public void Parse_AllOptions_AreTyped()
    {
        var log = Parse("log 127.0.0.1 len 1024 format rfc5424 sample 1:2 daemon info notice");

        Assert.Equal((1024, "rfc5424", "1:2", "daemon", "info", "notice"), (log.Length, log.Format, log.Sample, log.Facility, log.Level, log.MinLevel));
    }
}
