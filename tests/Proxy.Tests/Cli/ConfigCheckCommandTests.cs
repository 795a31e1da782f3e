using System.Text.Json;
using ConfigParser.Diagnostics;
using Proxy.Cli;

namespace Proxy.Tests.Cli;

public class ConfigCheckCommandTests
{
    private static readonly ConfigDiagnostic Warning = new(DiagnosticSeverity.Warning, null, "missing timeouts for frontend 'fe'.", "timeout");
    private static readonly ConfigDiagnostic Alert = new(DiagnosticSeverity.Alert, new SourceLocation("bad.cfg", 9), "unknown keyword 'foo' in 'frontend' section", "foo");

    private static (int Exit, string Out, string Err) Run(CommandLineOptions options, bool valid, params ConfigDiagnostic[] diagnostics)
        => Run(options, valid, willListen: true, diagnostics);

    private static (int Exit, string Out, string Err) Run(CommandLineOptions options, bool valid, bool willListen, params ConfigDiagnostic[] diagnostics)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = ConfigCheckCommand.Run(options with { CheckOnly = true }, new CheckReport(diagnostics, valid, willListen, [], true), stdout, stderr, 100);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Run_ValidWithoutDiagnostics_PrintsOnlyValidLine()
    {
        var (exit, stdout, stderr) = Run(new CommandLineOptions(), valid: true);

        Assert.Equal(0, exit);
        Assert.Equal("Configuration file is valid\n", stdout.Replace("\r\n", "\n"));
        Assert.Equal("", stderr);
    }

    [Fact]
    public void Run_ValidWithWarnings_SaysWarningsWereFound()
    {
        var (exit, stdout, stderr) = Run(new CommandLineOptions(), valid: true, Warning);

        Assert.Equal(0, exit);
        Assert.Equal("Warnings were found.\nConfiguration file is valid\n", stdout.Replace("\r\n", "\n"));
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("[NOTICE]   (100) : proxy version is ", lines[0]);
        Assert.StartsWith("[NOTICE]   (100) : path to executable is ", lines[1]);
        Assert.Equal("[WARNING]  (100) : config : missing timeouts for frontend 'fe'.", lines[2]);
    }

    [Fact]
    public void Run_Invalid_PrintsAlertsOnStderrAndExits1()
    {
        var (exit, stdout, stderr) = Run(new CommandLineOptions(), valid: false, Alert);

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains("[ALERT]    (100) : config : parsing [bad.cfg:9] : unknown keyword 'foo' in 'frontend' section", stderr);
    }

    [Fact]
    public void Run_ValidButNoListener_SaysItWillNotStartAndExits2()
    {
        var (exit, stdout, _) = Run(new CommandLineOptions(), valid: true, willListen: false, Warning);

        Assert.Equal(2, exit);
        Assert.Equal("Warnings were found.\nConfiguration file has no error but will not start (no listener) => exit(2).\n", stdout.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Run_QuietAndNoListener_StillExits2()
    {
        var (exit, stdout, stderr) = Run(new CommandLineOptions { Quiet = true }, valid: true, willListen: false);

        Assert.Equal((2, "", ""), (exit, stdout, stderr));
    }

    [Fact]
    public void Run_KeepalivedWarningsUnderCheck_AreAlertsInKeepalivedsFormAndExit1()
    {
        var keepalived = new ConfigDiagnostic(DiagnosticSeverity.Warning, new SourceLocation("k.conf", 5), "Unknown keyword 'foo'");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = ConfigCheckCommand.Run(new CommandLineOptions { CheckOnly = true },
            new CheckReport([], true, true, [keepalived], KeepalivedValid: false), stdout, stderr, 100);

        Assert.Equal(1, exit);
        Assert.Equal("", stdout.ToString());
        Assert.Contains("[ALERT]    (100) : keepalived : (k.conf: Line 5) Unknown keyword 'foo'", stderr.ToString());
    }

    [Fact]
    public void Run_Quiet_PrintsNothingButKeepsExitCode()
    {
        var (exit, stdout, stderr) = Run(new CommandLineOptions { Quiet = true }, valid: false, Alert);

        Assert.Equal((1, "", ""), (exit, stdout, stderr));
    }

    [Fact]
    public void Run_Json_PrintsEveryDiagnosticWithFileLineSeverityKeyword()
    {
        var (exit, stdout, _) = Run(new CommandLineOptions { Json = true }, valid: false, Warning, Alert);

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(stdout);
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        var items = json.RootElement.GetProperty("diagnostics").EnumerateArray().ToArray();
        Assert.Equal(2, items.Length);
        Assert.Equal("bad.cfg", items[1].GetProperty("file").GetString());
        Assert.Equal(9, items[1].GetProperty("line").GetInt32());
        Assert.Equal("alert", items[1].GetProperty("severity").GetString());
        Assert.Equal("foo", items[1].GetProperty("keyword").GetString());
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("line").ValueKind);
        Assert.Contains("unknown keyword 'foo'", stdout);
    }
}
