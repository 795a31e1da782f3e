using Microsoft.Extensions.Hosting;
using Proxy.Diagnostics;
using Proxy.Runtime;

namespace Proxy.Health;

/// <summary>Hosts the <see cref="HealthMonitor"/> with the process: checks start with Kestrel and stop with it.</summary>
internal sealed class HealthCheckService(ProxyRuntime runtime, HaproxyMessageWriter messages) : IHostedService, IAsyncDisposable
{
    public HealthMonitor Monitor { get; } = new(runtime, runtime.SpreadChecks, messages, TimeProvider.System, Random.Shared);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Monitor.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await Monitor.DisposeAsync().ConfigureAwait(false);

    public ValueTask DisposeAsync() => Monitor.DisposeAsync();
}
