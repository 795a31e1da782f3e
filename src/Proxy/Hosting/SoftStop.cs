using System.Runtime.InteropServices;
using ConfigParser.Diagnostics;
using Microsoft.Extensions.Hosting;
using Proxy.Diagnostics;
using Proxy.Logging;
using Proxy.Runtime;

namespace Proxy.Hosting;

/// <summary>
/// SIGUSR1, haproxy 2.6's soft stop: stop accepting, let the requests in progress end, exit; then each proxy
/// reports "Proxy &lt;name&gt; stopped (cumulated conns: FE: n, BE: m)." as a warning on stderr and to the global
/// log targets (measured with haproxy 2.6.12 -db: &lt;132&gt; on local0, in declaration order, a listen section
/// once, then its internal &lt;HTTPCLIENT&gt; proxy). SIGTERM stays a plain stop and logs none of this, as in haproxy.
/// </summary>
internal sealed class SoftStop(ProxyRuntime runtime, HaproxyMessageWriter messages, IHostApplicationLifetime lifetime) : IHostedService
{
    // Linux's SIGUSR1; PosixSignal has no member for it, raw numbers are accepted.
    private const int SigUsr1 = 10;

    private PosixSignalRegistration? _registration;
    private int _requested;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsLinux())
        {
            _registration = PosixSignalRegistration.Create((PosixSignal)SigUsr1, context =>
            {
                context.Cancel = true;
                Interlocked.Exchange(ref _requested, 1);
                lifetime.StopApplication();
            });
        }

        // Stopped callbacks run in reverse order of registration: this one runs before the log sinks are closed.
        lifetime.ApplicationStopped.Register(() =>
        {
            if (Volatile.Read(ref _requested) != 0)
            {
                Report();
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _registration?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// The stop lines: the proxies with a frontend first (their listeners stop first), then the backends alone, each
    /// group in declaration order; a listen section is one proxy (measured with haproxy 2.6.12).
    /// </summary>
    public static IEnumerable<string> Lines(ProxyRuntime runtime)
    {
        static IEnumerable<T> InOrder<T>(IEnumerable<T> items, Func<T, ConfigParser.Diagnostics.SourceLocation> at)
            => items.Select((item, index) => (item, index)).OrderBy(p => at(p.item).Line).ThenBy(p => p.index).Select(p => p.item);

        var backends = runtime.Backends.ToDictionary(b => b.Name);
        foreach (var frontend in InOrder(runtime.Frontends, f => f.Definition.Location))
        {
            var listen = frontend.Definition.IsListen && backends.Remove(frontend.Name, out var own) ? own.CumulatedSessions : 0;
            yield return Line(frontend.Name, frontend.CumulatedConnections, listen);
        }

        foreach (var backend in InOrder(runtime.Backends.Where(b => backends.ContainsKey(b.Name)), b => b.Definition.Location))
        {
            yield return Line(backend.Name, 0, backend.CumulatedSessions);
        }

        // haproxy 2.6's internal HTTP client proxy is reported too; this proxy has no traffic of its own there.
        yield return Line("<HTTPCLIENT>", 0, 0);
    }

    private static string Line(string name, long frontend, long backend) => $"Proxy {name} stopped (cumulated conns: FE: {frontend}, BE: {backend}).";

    private void Report()
    {
        foreach (var line in Lines(runtime))
        {
            messages.Write(DiagnosticSeverity.Warning, line, context: null);
            runtime.AccessLogs.Global.Send(SyslogCodes.Warning, line);
        }
    }
}
