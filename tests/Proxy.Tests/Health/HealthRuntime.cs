using ConfigParser;
using ConfigParser.Diagnostics;
using Proxy.Hosting;
using Proxy.Runtime;

namespace Proxy.Tests.Health;

/// <summary>Builds a runtime from configuration text for health tests.</summary>
internal static class HealthRuntime
{
    public const string Defaults = "defaults\n mode http\n timeout connect 1s\n timeout client 1s\n timeout server 1s\n";

    public static ProxyRuntime Build(string text)
    {
        var parsed = HaproxyConfigLoader.Parse([new ConfigSource("t.cfg", Defaults + text)]);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Diagnostics.Select(d => d.Text)));
        var diagnostics = new DiagnosticBag();
        var runtime = RuntimeBuilder.Build(parsed.Config!, diagnostics, DiagnosticSeverity.Warning);
        Assert.NotNull(runtime);
        return runtime;
    }

    public static BackendState Backend(string text) => Build(text).Backends[0];
}
