using ConfigParser;
using ConfigParser.Diagnostics;
using Proxy.Logging;

namespace Proxy.Tests.Logging;

public sealed class AccessLogRegistryTests
{
    private static (AccessLogRegistry Registry, DiagnosticBag Diagnostics) Build(string text)
    {
        var parsed = HaproxyConfigLoader.Parse([new ConfigSource("t.cfg", text)]);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Diagnostics.Select(d => d.Text)));
        var diagnostics = new DiagnosticBag();
        return (AccessLogRegistry.Build(parsed.Config!, diagnostics, TimeProvider.System, 1), diagnostics);
    }

    [Fact]
    public void Build_LogGlobal_ExpandsToGlobalTargetsSharingOneSink()
    {
        var (registry, _) = Build("global\n log 127.0.0.1:514 local0\n log 127.0.0.1:514 local1 notice\n" +
            "defaults\n mode http\n log global\n option httplog\nfrontend fe\n bind :80\nbackend be\n log 127.0.0.1:514 local2\n");

        var plan = registry.ForFrontend("fe")!;
        Assert.Equal([16, 17], plan.Log.Targets.Select(t => t.Facility));
        Assert.Equal(SyslogCodes.Notice, plan.Log.Targets[1].MaxLevel);
        Assert.Single(registry.Sinks);
        Assert.True(registry.ForBackend("be").IsEnabled(SyslogCodes.Notice));
    }

    [Fact]
    public void Build_NoLogInFrontend_NoPlan()
    {
        var (registry, _) = Build("global\n log 127.0.0.1 local0\ndefaults\n mode http\n log global\n option httplog\nfrontend fe\n bind :80\n no log\n");

        Assert.Null(registry.ForFrontend("fe"));
    }

    [Fact]
    public void Build_LogFormatWithoutTarget_WarnsAsHaproxy()
    {
        var (registry, diagnostics) = Build("defaults\n mode http\nfrontend fe\n bind :80\n log-format \"%ci\"\n");

        Assert.Null(registry.ForFrontend("fe"));
        Assert.Contains(diagnostics.Items, d => d.Text.Contains("log format ignored for frontend 'fe' since it has no log address.", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_UnknownVariable_AlertAtTheLogFormatLine()
    {
        var (_, diagnostics) = Build("defaults\n mode http\n log 127.0.0.1 local0\nfrontend fe\n bind :80\n log-format \"%ci %zz\"\n");

        Assert.Equal(
            "Parsing [t.cfg:6]: failed to parse log-format : no such format variable 'zz'. If you wanted to emit the '%' character verbatim, you need to use '%%'.",
            diagnostics.Items[0].Text);
        Assert.Equal(2, diagnostics.FatalCount);
    }

    [Fact]
    public void Build_OptionTcplogInHttpFrontend_UsesTcplogFormat()
    {
        var (registry, _) = Build("defaults\n mode http\n log 127.0.0.1 local0\n option tcplog\nfrontend fe\n bind :80\n");

        Assert.Equal(LogFormatCompiler.Compile(LogFormats.Tcp, out _), registry.ForFrontend("fe")!.Nodes);
    }

    [Fact]
    public async Task DroppedLines_GlobalTargetMissing_CountsTheLinesNobodyTook()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nolog-{Guid.NewGuid():N}.sock");
        var (registry, _) = Build($"global\n log {path} local0\ndefaults\n mode http\nfrontend fe\n bind :80\n");
        await using (registry)
        {
            registry.Global.Send(SyslogCodes.Warning, "nobody listens");
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (registry.DroppedLines == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }

            Assert.Equal(1, registry.DroppedLines);
        }
    }
}
