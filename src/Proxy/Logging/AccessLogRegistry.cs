using ConfigParser.Diagnostics;
using ConfigParser.Model;

namespace Proxy.Logging;

/// <summary>
/// The logging of one configuration: the global targets, each backend's (server state changes) and each
/// frontend's access-log plan, sharing one <see cref="LogSink"/> per distinct target. Built with the runtime, so
/// a bad log-format is reported with the other configuration errors.
/// </summary>
internal sealed class AccessLogRegistry : IAsyncDisposable
{
    private readonly Dictionary<string, AccessLogPlan> _frontends;
    private readonly Dictionary<string, ProxyLog> _backends;
    private readonly Dictionary<string, LogSink> _sinks;

    private AccessLogRegistry(ProxyLog global, Dictionary<string, AccessLogPlan> frontends, Dictionary<string, ProxyLog> backends, Dictionary<string, LogSink> sinks)
    {
        Global = global;
        _frontends = frontends;
        _backends = backends;
        _sinks = sinks;
    }

    /// <summary>Nothing is logged.</summary>
    public static AccessLogRegistry None { get; } = new(ProxyLog.None, [], [], []);

    /// <summary>The global section's targets: alerts and warnings of the process go there.</summary>
    public ProxyLog Global { get; }

    /// <summary>Every sink, for counters and tests.</summary>
    public IReadOnlyCollection<LogSink> Sinks => _sinks.Values;

    /// <summary>Lines dropped by every sink since start (haproxy's "DroppedLogs" of `show info`, for the stats).</summary>
    public long DroppedLines => _sinks.Values.Sum(s => s.Dropped);

    /// <summary>The access-log plan of <paramref name="frontend"/>, or null when it logs no traffic.</summary>
    public AccessLogPlan? ForFrontend(string frontend) => _frontends.GetValueOrDefault(frontend);

    /// <summary>The targets of <paramref name="backend"/> (for server state changes); <see cref="ProxyLog.None"/> when it has none.</summary>
    public IProxyLog ForBackend(string backend) => _backends.GetValueOrDefault(backend) ?? ProxyLog.None;

    /// <summary>Builds the logging of <paramref name="config"/>; a log-format that does not compile is an alert at its line.</summary>
    public static AccessLogRegistry Build(HaproxyConfig config, DiagnosticBag diagnostics, TimeProvider time, int processId)
    {
        var sinks = new Dictionary<string, LogSink>(StringComparer.Ordinal);
        LogSink SinkFor(string target)
        {
            if (!sinks.TryGetValue(target, out var sink))
            {
                sinks[target] = sink = LogSink.Create(target, time);
            }

            return sink;
        }

        var global = config.Global;
        var identity = new SyslogIdentity(global.LogSendHostname, Environment.MachineName, global.LogTag ?? "haproxy", processId);
        ProxyLog LogOf(IReadOnlyList<LogTarget> lines, string? tag)
        {
            var targets = new List<LoggerTarget>();
            foreach (var line in lines)
            {
                targets.AddRange(line.IsGlobal ? global.Logs.Select(g => LoggerTarget.From(g, SinkFor)) : [LoggerTarget.From(line, SinkFor)]);
            }

            return targets.Count == 0 ? ProxyLog.None : new ProxyLog(targets, tag is null ? identity : identity with { Tag = tag }, time);
        }

        var frontends = new Dictionary<string, AccessLogPlan>(StringComparer.Ordinal);
        var failed = false;
        foreach (var frontend in config.Frontends)
        {
            var format = FormatOf(frontend);
            if (format is null)
            {
                continue;
            }

            var nodes = LogFormatCompiler.Compile(format, out var error);
            if (nodes is null)
            {
                diagnostics.Alert(frontend.LogFormat?.Location ?? frontend.Location, $"failed to parse log-format : {error}", "log-format", LocationPrefix.ParsingCapital);
                failed = true;
                continue;
            }

            var log = LogOf(frontend.Logs, frontend.LogTag);
            if (log.Targets.Count == 0)
            {
                if (frontend.LogFormat is not null)
                {
                    // haproxy 2.6 check_config_validity.
                    diagnostics.Warning(null, $"log format ignored for {(frontend.IsListen ? "proxy" : "frontend")} '{frontend.Name}' since it has no log address.", "log-format");
                }

                continue;
            }

            frontends[frontend.Name] = new AccessLogPlan(
                frontend.Name,
                nodes,
                log,
                [.. frontend.Captures.Where(c => c.Kind == "request").Select(c => (c.Name, c.Length))],
                [.. frontend.Captures.Where(c => c.Kind == "response").Select(c => (c.Name, c.Length))],
                Enabled(frontend.Options, "dontlognull"),
                Enabled(frontend.Options, "dontlog-normal"),
                Enabled(frontend.Options, "log-separate-errors"));
        }

        if (failed)
        {
            // haproxy 2.6 checks log formats after parsing and ends the same way as for a parse error.
            diagnostics.Alert(null, "Fatal errors found in configuration.");
        }

        var backends = config.Backends.ToDictionary(b => b.Name, b => LogOf(b.Logs, null), StringComparer.Ordinal);
        return new AccessLogRegistry(LogOf(global.Logs, null), frontends, backends, sinks);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sink in _sinks.Values)
        {
            await sink.DisposeAsync().ConfigureAwait(false);
        }
    }

    // haproxy 2.6: log-format wins over the options; the last of httplog/httpslog/tcplog is the one in force.
    private static string? FormatOf(FrontendSection frontend)
    {
        if (frontend.LogFormat is { } custom)
        {
            return custom.Text;
        }

        var option = frontend.Options.OfType<HttpLogOption>().LastOrDefault(o => o.Enabled);
        return option switch
        {
            null => null,
            { Name: "tcplog" } => LogFormats.Tcp,
            { Name: "httpslog" } => LogFormats.Https,
            { CommonLogFormat: true } => LogFormats.HttpClf,
            _ => frontend.Mode == ProxyMode.Http ? LogFormats.Http : LogFormats.Tcp,
        };
    }

    private static bool Enabled(IReadOnlyList<ProxyOption> options, string name) => options.LastOrDefault(o => o.Name == name)?.Enabled ?? false;
}
