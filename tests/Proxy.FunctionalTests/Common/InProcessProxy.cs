using ConfigParser;
using ConfigParser.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Proxy.Diagnostics;
using Proxy.Hosting;

namespace Proxy.FunctionalTests.Common;

/// <summary>The proxy built from a configuration text and started in this process, exactly as Program does.</summary>
internal sealed class InProcessProxy : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessProxy(WebApplication app) => _app = app;

    public static async Task<InProcessProxy> StartAsync(string configText)
    {
        var parsed = HaproxyConfigLoader.Parse([new ConfigSource("test.cfg", configText)]);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Diagnostics.Select(d => d.Text)));
        var diagnostics = new DiagnosticBag();
        var runtime = RuntimeBuilder.Build(parsed.Config!, diagnostics);
        Assert.True(runtime is not null, string.Join("\n", diagnostics.Items.Select(d => d.Text)));
        var app = ProxyHost.Build(runtime, new HaproxyMessageWriter(TextWriter.Null, 0), debug: false);
        await app.StartAsync();
        return new InProcessProxy(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
