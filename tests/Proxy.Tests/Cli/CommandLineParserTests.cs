using Proxy.Cli;

namespace Proxy.Tests.Cli;

public class CommandLineParserTests
{
    [Fact]
    public void TryParse_RepeatedF_KeepsFilesInOrder()
    {
        Assert.True(CommandLineParser.TryParse(["-f", "a.cfg", "-f", "dir", "-k", "k.conf", "-p", "/run/p.pid"], out var options, out _));

        Assert.Equal(["a.cfg", "dir"], options.ConfigFiles);
        Assert.Equal("k.conf", options.KeepalivedFile);
        Assert.Equal("/run/p.pid", options.PidFile);
        Assert.False(options.CheckOnly);
    }

    [Fact]
    public void TryParse_DoubleDash_TakesTheRestAsFiles()
    {
        Assert.True(CommandLineParser.TryParse(["-c", "-f", "a.cfg", "--", "b.cfg", "-q"], out var options, out _));

        Assert.Equal(["a.cfg", "b.cfg", "-q"], options.ConfigFiles);
        Assert.True(options.CheckOnly);
        Assert.False(options.Quiet);
    }

    [Theory]
    [InlineData(new[] { "-c", "-q", "-f", "x" }, true, true, false, false)]
    [InlineData(new[] { "-c", "--json", "-f", "x" }, true, false, true, false)]
    [InlineData(new[] { "-d", "-f", "x" }, false, false, false, true)]
    [InlineData(new[] { "-db", "-f", "x" }, false, false, false, true)]
    public void TryParse_Flags_AreRecognised(string[] args, bool check, bool quiet, bool json, bool debug)
    {
        Assert.True(CommandLineParser.TryParse(args, out var options, out var error));

        Assert.Null(error);
        Assert.Equal((check, quiet, json, debug), (options.CheckOnly, options.Quiet, options.Json, options.Debug));
    }

    [Theory]
    [InlineData(new[] { "-v" }, 1)]
    [InlineData(new[] { "-vv" }, 2)]
    [InlineData(new[] { "-V", "-vv" }, 2)]
    public void TryParse_Version_NeedsNoConfig(string[] args, int level)
    {
        Assert.True(CommandLineParser.TryParse(args, out var options, out _));

        Assert.Equal(level, options.VersionLevel);
    }

    [Theory]
    [InlineData(new[] { "-Z", "-f", "x" }, "unknown option '-Z'.")]
    [InlineData(new[] { "-f" }, "option '-f' requires an argument.")]
    [InlineData(new[] { "-c" }, "no configuration file given (-f or -k).")]
    [InlineData(new string[0], "no configuration file given (-f or -k).")]
    [InlineData(new[] { "--json", "-f", "x" }, "'--json' only goes with '-c'.")]
    public void TryParse_BadCommandLine_ReturnsUsageError(string[] args, string expected)
    {
        Assert.False(CommandLineParser.TryParse(args, out _, out var error));

        Assert.Equal(expected, error);
    }
}
