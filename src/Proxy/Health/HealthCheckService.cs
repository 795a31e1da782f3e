using Microsoft.Extensions.Hosting;
using Proxy.Diagnostics;
using Proxy.Runtime;

namespace Proxy.Health;

/// <summary>
/// Hosts the <see cref="HealthMonitor"/> with the process. haproxy 2.6 binds every listener before the first check,
/// so a server that is one of our own `listen` sections is not reported DOWN at start: with a host lifetime the
/// checks start once Kestrel listens (ApplicationStarted), and they stop with the host.
/// </summary>
internal sealed class HealthCheckService(ProxyRuntime runtime, HaproxyMessageWriter messages, IHostApplicationLifetime? lifetime = null)
    : IHostedService, IAsyncDisposable
{
    private CancellationTokenRegistration _started;

    public HealthMonitor Monitor { get; } = new(runtime, runtime.SpreadChecks, messages, TimeProvider.System, Random.Shared);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (lifetime is null)
        {
            Monitor.Start();
        }
        else
        {
            _started = lifetime.ApplicationStarted.Register(Monitor.Start);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _started.DisposeAsync().ConfigureAwait(false);
        await Monitor.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _started.DisposeAsync().ConfigureAwait(false);
        await Monitor.DisposeAsync().ConfigureAwait(false);
    }
}
