using ConfigParser;
using ConfigParser.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Proxy.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Proxy.Hosting;
using Proxy.Http;
using Proxy.Runtime;

namespace Proxy.FunctionalTests.Common;

/// <summary>The proxy built from a configuration text and started in this process, exactly as Program does.</summary>
internal sealed class InProcessProxy : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessProxy(WebApplication app, ProxyRuntime runtime)
    {
        _app = app;
        Runtime = runtime;
    }

    /// <summary>The runtime the proxy serves (queues, servers' counters).</summary>
    public ProxyRuntime Runtime { get; }

    /// <param name="configText">The haproxy.cfg text.</param>
    /// <param name="services">The clock and the way to reach servers; the system's when null.</param>
    /// <param name="observer">Told each request's outcome (status, termination state, retries).</param>
    public static async Task<InProcessProxy> StartAsync(string configText, RuntimeServices? services = null, IRequestOutcomeObserver? observer = null)
    {
        var parsed = HaproxyConfigLoader.Parse([new ConfigSource("test.cfg", configText)]);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Diagnostics.Select(d => d.Text)));
        var diagnostics = new DiagnosticBag();
        var runtime = RuntimeBuilder.Build(parsed.Config!, diagnostics, services: services);
        Assert.True(runtime is not null, string.Join("\n", diagnostics.Items.Select(d => d.Text)));
        var app = ProxyHost.Build(runtime, new HaproxyMessageWriter(TextWriter.Null, 0), debug: false, collection =>
        {
            if (observer is not null)
            {
                collection.AddSingleton(observer);
            }
        });
        await app.StartAsync();
        return new InProcessProxy(app, runtime);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
