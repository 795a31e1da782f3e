using static ConfigParser.Tests.Support.TestConfig;

namespace ConfigParser.Tests.Sections;

/// <summary>
/// The `global` keyword table (maxconn, pidfile, daemon). The keyword lines start at line 2, after "global";
/// every expected message is what `haproxy -c` printed for the same file.
/// </summary>
public sealed class GlobalKeywordsTests
{
    private const string ErrorsInFile = "[ALERT] Error(s) found in configuration file : t.cfg";
    private const string FatalErrors = "[ALERT] Fatal errors found in configuration.";

    private static ParseResult InGlobal(params string[] lines) => Parse(Lines(["global", .. lines.Select(l => "  " + l)]));

    [Theory]
    [InlineData("maxconn", "'maxconn' expects an integer argument.")]
    [InlineData("maxconn 1 2", "'maxconn' cannot handle unexpected argument '2'.")]
    [InlineData("pidfile", "'pidfile' expects a file name as an argument.")]
    [InlineData("pidfile /a /b", "'pidfile' cannot handle unexpected argument '/b'.")]
    [InlineData("daemon x", "'daemon' cannot handle unexpected argument 'x'.")]
    [InlineData("nbthread", "'nbthread' passed a missing or unparsable integer value in ''")]
    [InlineData("nbthread x", "'nbthread' passed a missing or unparsable integer value in 'x'")]
    [InlineData("nbthread 0", "'nbthread' value must be between 1 and 64 (was 0)")]
    [InlineData("nbthread 65", "'nbthread' value must be between 1 and 64 (was 65)")]
    [InlineData("nbthread 2 3", "'nbthread' cannot handle unexpected argument '3'.")]
    [InlineData("maxcon 10", "unknown keyword 'maxcon' in 'global' section; did you mean 'maxconn' maybe ?")]
    [InlineData("deamon", "unknown keyword 'deamon' in 'global' section; did you mean 'daemon' maybe ?")]
    [InlineData("frontnd", "unknown keyword 'frontnd' in 'global' section; did you mean 'frontend' maybe ?")]
    public void Table_BadLine_IsAnAlert(string line, string expected)
    {
        Assert.Equal([$"[ALERT] parsing [t.cfg:2] : {expected}", ErrorsInFile, FatalErrors], InGlobal(line).Messages());
    }

    [Theory]
    [InlineData("maxconn 4096", 4096)]
    [InlineData("maxconn 100x", 100)]
    [InlineData("maxconn -5", -5)]
    [InlineData("maxconn abc", null)]
    [InlineData("maxconn 0", null)]
    public void MaxConn_Value_IsReadLikeAtol(string line, int? expected)
    {
        var result = InGlobal(line);

        Assert.Empty(result.Messages());
        Assert.Equal(expected, result.Config!.Global.MaxConn);
    }

    [Theory]
    [InlineData("nbthread 1", 1)]
    [InlineData("nbthread 64", 64)]
    public void NbThread_InRange_IsRecordedWithANotAppliedWarning(string line, int expected)
    {
        var result = InGlobal(line);

        Assert.True(result.IsValid);
        Assert.Equal(expected, result.Config!.Global.NbThread);
        Assert.Equal(["[WARNING] parsing [t.cfg:2] : 'nbthread' is accepted but not applied: proxy sizes its thread pool to the CPUs it may run on."],
            result.Messages());
    }

    [Fact]
    public void MaxConn_Repeated_KeepsTheFirstWithAnAlertThatIsNotFatal()
    {
        var result = InGlobal("maxconn 10", "maxconn 20", "maxconn 30");

        Assert.Equal(
        [
            "[ALERT] parsing [t.cfg:3] : 'maxconn' already specified. Continuing.",
            "[ALERT] parsing [t.cfg:4] : 'maxconn' already specified. Continuing.",
        ], result.Messages());
        Assert.True(result.IsValid);
        Assert.Equal(10, result.Config!.Global.MaxConn);
    }

    [Fact]
    public void MaxConn_ZeroOrGarbage_DoesNotCountAsSet()
    {
        var result = InGlobal("maxconn 0", "maxconn 5", "maxconn x");

        Assert.Equal(["[ALERT] parsing [t.cfg:4] : 'maxconn' already specified. Continuing."], result.Messages());
        Assert.Equal(5, result.Config!.Global.MaxConn);
    }

    [Fact]
    public void MaxConn_RepeatedWithoutValue_IsOnlyAlreadySpecified()
    {
        Assert.Equal(["[ALERT] parsing [t.cfg:3] : 'maxconn' already specified. Continuing."], InGlobal("maxconn 5", "maxconn").Messages());
    }

    [Fact]
    public void MaxConn_TooManyArguments_IsCheckedFirst()
    {
        Assert.Equal(
        [
            "[ALERT] parsing [t.cfg:2] : 'maxconn' cannot handle unexpected argument '6'.",
            "[ALERT] parsing [t.cfg:3] : 'maxconn' cannot handle unexpected argument '8'.",
            ErrorsInFile,
            FatalErrors,
        ], InGlobal("maxconn 5 6", "maxconn 7 8").Messages());
    }

    [Fact]
    public void PidFile_RepeatedAfterAnError_KeepsTheFirstValidOne()
    {
        var result = InGlobal("pidfile", "pidfile /a", "pidfile", "pidfile /b");

        Assert.Equal(
        [
            "[ALERT] parsing [t.cfg:2] : 'pidfile' expects a file name as an argument.",
            "[ALERT] parsing [t.cfg:4] : 'pidfile' already specified. Continuing.",
            "[ALERT] parsing [t.cfg:5] : 'pidfile' already specified. Continuing.",
            ErrorsInFile,
            FatalErrors,
        ], result.Messages());
    }

    [Fact]
    public void PidFile_Valid_IsKept()
    {
        Assert.Equal("/run/haproxy.pid", InGlobal("pidfile /run/haproxy.pid").Config!.Global.PidFile);
    }

    [Fact]
    public void Daemon_Repeated_IsAccepted()
    {
        var result = InGlobal("daemon", "daemon");

        Assert.Empty(result.Messages());
        Assert.True(result.Config!.Global.Daemon);
    }

    [Theory]
    [InlineData("spread-checks 5", 5)]
    [InlineData("spread-checks 50", 50)]
    [InlineData("spread-checks 0", 0)]
    [InlineData("spread-checks 10x", 10)]
    [InlineData("spread-checks abc", 0)]
    public void SpreadChecks_InRange_IsTypedSilently(string line, int expected)
    {
        var result = InGlobal(line);

        Assert.Empty(result.Messages());
        Assert.Equal(expected, result.Config!.Global.SpreadChecks);
    }

    [Theory]
    [InlineData("spread-checks 51")]
    [InlineData("spread-checks -5")]
    public void SpreadChecks_OutOfRange_IsHaproxysAlert(string line)
        => Assert.Equal(["[ALERT] parsing [t.cfg:2]: 'spread-checks' needs a positive value in range 0..50.", ErrorsInFile, FatalErrors], InGlobal(line).Messages());
}
