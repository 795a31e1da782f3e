using ConfigParser.Diagnostics;
using static ConfigParser.Tests.Support.TestConfig;

namespace ConfigParser.Tests;

/// <summary>
/// The loader's whole output: diagnostics in order with file:line, the per-file "Error(s) found" line, the closing
/// "Fatal errors" line, aborts, files and directories. Every expected list is what `haproxy -c -f …` printed
/// for the same files (HAProxy 2.6.12).
/// </summary>
public sealed partial class HaproxyConfigLoaderTests : IDisposable
{
    private const string FatalErrors = "[ALERT] Fatal errors found in configuration.";

    private readonly string _directory = Directory.CreateTempSubdirectory("configparser-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ParseResult ParseFiles(params (string Name, string Text)[] files)
        => HaproxyConfigLoader.Parse([.. files.Select(f => new ConfigSource(f.Name, f.Text))], _ => null);

    [Fact]
    public void Parse_ValidConfiguration_HasAModelAndNoDiagnostics()
    {
        var result = Parse(Lines("global", "  maxconn 100", "defaults", "  mode http", "  timeout client 5s", "  timeout connect 5s",
            "  timeout server 5s", "frontend fe", "  bind :8080", "  default_backend be", "backend be", "  server s1 127.0.0.1:80"));

        Assert.Empty(result.Diagnostics);
        Assert.True(result.IsValid);
        Assert.False(result.HasWarnings);
        Assert.Equal(100, result.Config!.Global.MaxConn);
    }

    [Fact]
    public void Parse_UnknownKeyword_IsFollowedByTheFileLineAndTheFatalLine()
    {
        var result = Parse(Lines("frontend fe", "  bind :8080", "  foo bar", "  timeout client 5s"));

        Assert.Equal(
        [
            "[ALERT] parsing [t.cfg:3] : unknown keyword 'foo' in 'frontend' section",
            "[ALERT] Error(s) found in configuration file : t.cfg",
            FatalErrors,
        ], result.Messages());
        Assert.Equal(new SourceLocation("t.cfg", 3), result.Diagnostics[0].Location);
        Assert.Equal("foo", result.Diagnostics[0].Keyword);
        Assert.Null(result.Config);
    }

    [Fact]
    public void Parse_LineProblems_AreReportedInLineOrder()
    {
        var result = Parse(Lines("global", "foo", "bar \"x", "baz"));

        Assert.Equal(
        [
            "[ALERT] parsing [t.cfg:2] : unknown keyword 'foo' in 'global' section",
            "[ALERT] parsing [t.cfg:3]: unmatched quote at position 5:\n  bar \"x\n      ^",
            "[ALERT] parsing [t.cfg:4] : unknown keyword 'baz' in 'global' section",
            "[ALERT] Error(s) found in configuration file : t.cfg",
            FatalErrors,
        ], result.Messages());
    }

    [Fact]
    public void Parse_SeveralFiles_EachStartsOutsideAnySectionAndGetsItsOwnErrorLine()
    {
        var result = ParseFiles(
            ("a.cfg", Lines("global", "  maxconn 10", "  foo")),
            ("b.cfg", Lines("maxconn 1", "frontend fe", "  bind :80", "  bar")),
            ("c.cfg", Lines("backend be", "  server s1 127.0.0.1:80")));

        Assert.Equal(
        [
            "[ALERT] parsing [a.cfg:3] : unknown keyword 'foo' in 'global' section",
            "[ALERT] Error(s) found in configuration file : a.cfg",
            "[ALERT] parsing [b.cfg:1]: unknown keyword 'maxconn' out of section.",
            "[ALERT] parsing [b.cfg:4] : unknown keyword 'bar' in 'frontend' section",
            "[ALERT] Error(s) found in configuration file : b.cfg",
            FatalErrors,
        ], result.Messages());
    }

    [Fact]
    public void Parse_AbortingError_StopsAtOnceWithoutTheFatalLine()
    {
        var result = ParseFiles(
            ("ab.cfg", Lines("defaults", "  mode http", "frontend fe", "  bind :80", "  http-request bogus", "  foo")),
            ("b.cfg", Lines("maxconn 1")));

        var messages = result.Messages();
        Assert.Equal(2, messages.Length);
        Assert.StartsWith("[ALERT] parsing [ab.cfg:5]: 'http-request' expects 'wait-for-handshake', ", messages[0]);
        Assert.Equal("[ALERT] Error(s) found in configuration file : ab.cfg", messages[1]);
        Assert.Null(result.Config);
    }

    [Fact]
    public void Parse_FiftyFaultyLines_StopOnlyThatFile()
    {
        var many = "global\n" + string.Concat(Enumerable.Range(1, 55).Select(i => $"x{i}\n"));

        var result = ParseFiles(("many.cfg", many), ("b.cfg", Lines("maxconn 1", "frontend fe", "  bind :80", "  bar")));

        Assert.Equal(
        [
            "[ALERT] parsing [many.cfg:51] : unknown keyword 'x50' in 'global' section",
            "[ALERT] parsing [many.cfg:52]: too many fatal errors (50), stopping now.",
            "[ALERT] Error(s) found in configuration file : many.cfg",
            "[ALERT] parsing [b.cfg:1]: unknown keyword 'maxconn' out of section.",
            "[ALERT] parsing [b.cfg:4] : unknown keyword 'bar' in 'frontend' section",
            "[ALERT] Error(s) found in configuration file : b.cfg",
            FatalErrors,
        ], result.Messages()[49..]);
    }

    [Fact]
    public void Parse_MissingLfOnAFile_IsAnErrorOfThatFile()
    {
        var result = ParseFiles(("nolf.cfg", "global\n  maxconn 1"), ("c.cfg", Lines("backend be", "  server s1 127.0.0.1:80")));

        Assert.Equal(
        [
            "[ALERT] parsing [nolf.cfg:2]: Missing LF on last line, file might have been truncated at position 12.",
            "[ALERT] Error(s) found in configuration file : nolf.cfg",
            FatalErrors,
        ], result.Messages());
    }

    [Fact]
    public void Parse_OnlyAlertsThatAreNotFatal_KeepTheConfigurationValid()
    {
        var result = ParseFiles(("na.cfg", Lines("global", "  maxconn 1", "  maxconn 2")), ("c.cfg", Lines("backend be", "  server s1 127.0.0.1:80")));

        Assert.Equal("[ALERT] parsing [na.cfg:3] : 'maxconn' already specified. Continuing.", result.Messages()[0]);
        Assert.StartsWith("[WARNING] missing timeouts for backend 'be'.", result.Messages()[1]);
        Assert.Equal(2, result.Diagnostics.Count);
        Assert.True(result.IsValid);
        Assert.True(result.HasWarnings);
    }

    [Fact]
    public void Parse_Environment_IsUsedForDoubleQuotedVariables()
    {
        var result = HaproxyConfigLoader.Parse(
            [new ConfigSource("t.cfg", Lines("frontend fe", "  bind \"${ADDR}:${PORT-8080}\"", "  timeout client 5s"))],
            name => name == "ADDR" ? "127.0.0.1" : null);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("127.0.0.1:8080", result.Config!.Frontends.Single().Binds.Single().Endpoints.Single().ToString());
    }

    [Fact]
    public void LoadFiles_Files_AreReadInCommandLineOrder()
    {
        var first = Write("first.cfg", Lines("frontend fe", "  bind :80", "  timeout client 5s"));
        var second = Write("second.cfg", Lines("global", "  foo"));

        var result = HaproxyConfigLoader.LoadFiles([second, first], _ => null);

        Assert.Equal(
        [
            $"[ALERT] parsing [{second}:2] : unknown keyword 'foo' in 'global' section",
            $"[ALERT] Error(s) found in configuration file : {second}",
            FatalErrors,
        ], result.Messages());
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    public void LoadFiles_Directory_ReadsItsVisibleCfgFilesInByteOrder(string suffix)
    {
        foreach (var name in new[] { "b.cfg", "a.cfg", "B.cfg", "_u.cfg", "~t.cfg", ".hidden.cfg", "x.cfgx", "notes.txt" })
        {
            Write(name, Lines("global", $"  {Path.GetFileNameWithoutExtension(name).TrimStart('.', '_', '~')}x"));
        }

        Directory.CreateDirectory(Path.Combine(_directory, "sub.cfg"));
        var path = _directory + suffix;

        var result = HaproxyConfigLoader.LoadFiles([path], _ => null);

        // C-locale order: upper case, then '_', then lower case, then '~'; hidden and non-.cfg entries skipped.
        Assert.Equal(["B.cfg", "_u.cfg", "a.cfg", "b.cfg", "~t.cfg"],
            result.Diagnostics.Where(d => d.Location is not null).Select(d => d.Location!.Value.File[(path.Length + 1)..]));
        Assert.Equal($"[ALERT] Error(s) found in configuration file : {path}/B.cfg", result.Messages()[1]);
    }

    [Theory]
    [InlineData("nope.cfg")]
    [InlineData("nodir/")]
    public void LoadFiles_MissingPath_IsTheOnlyMessage(string missing)
    {
        var present = Write("present.cfg", Lines("global", "  foo"));
        var path = Path.Combine(_directory, missing);

        var result = HaproxyConfigLoader.LoadFiles([present, path], _ => null);

        // HAProxy checks every path before it reads any file, so present.cfg's error is not reported.
        Assert.Equal([$"[ALERT] Cannot open configuration file/directory {path} : No such file or directory"], result.Messages());
        Assert.Null(result.Config);
        Assert.True(result.Diagnostics[0].Aborts);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
