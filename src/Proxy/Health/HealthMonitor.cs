using System.Net;
using System.Net.Sockets;
using ConfigParser.Diagnostics;
using ConfigParser.Model;
using Proxy.Diagnostics;
using Proxy.Runtime;

namespace Proxy.Health;

/// <summary>
/// Runs every configured server check of a runtime (haproxy 2.6 `check`), spreading first checks over the smallest
/// interval, and publishes state changes: <see cref="StateChanged"/> for subscribers, the backend's syslog targets and haproxy's
/// stderr lines ("[WARNING]  (pid) : Server be/s1 is DOWN, …", "[ALERT]    (pid) : backend 'be' has no server available!").
/// </summary>
internal sealed class HealthMonitor : IAsyncDisposable
{
    private readonly List<ServerChecker> _checkers = [];
    private readonly List<AgentChecker> _agents = [];
    private readonly List<Task> _loops = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeProvider _time;
    private readonly ProxyRuntime _runtime;
    private readonly HaproxyMessageWriter? _messages;
    private readonly Lock _publishLock = new();
    private int _disposed;

    public HealthMonitor(ProxyRuntime runtime, int spreadChecks, HaproxyMessageWriter? messages, TimeProvider time, Random random)
    {
        _time = time;
        _runtime = runtime;
        _messages = messages;
        foreach (var backend in runtime.Backends)
        {
            // The last check-type option wins (haproxy 2.6 replaces the check rule set on each one).
            var last = backend.Definition.Options.LastOrDefault(o => o.Name is "httpchk" or "ssl-hello-chk" or "tcp-check");
            var plan = last?.Name == "httpchk" ? HttpCheckPlan.For(backend.Definition, out _) : null;
            var tcpPlan = TcpCheckPlan.For(backend.Definition, out _);
            var sslHello = last is { Name: "ssl-hello-chk", Enabled: true };
            foreach (var server in backend.Servers)
            {
                var definition = server.Definition;
                var endpoint = definition.Check ? Endpoint(definition, definition.CheckAddress, definition.CheckPort ?? definition.Port) : null;
                var agentEndpoint = definition.AgentCheck ? AgentEndpoint(definition) : null;
                if (definition.Disabled || (endpoint is null && agentEndpoint is null))
                {
                    continue;
                }

                var inter = definition.Inter ?? CheckTiming.DefaultInter;
                ServerChecker? checker = null;
                IHealthProbe? probe = null;
                if (endpoint is not null)
                {
                    var connector = new CheckConnector(endpoint, CheckTimeouts.For(inter, backend.Definition.Timeouts.Connect, backend.Definition.Timeouts.Check), time,
                        CheckTls.Options(backend.Definition, definition, endpoint, runtime.Global));
                    probe = sslHello ? new SslHelloProbe(connector)
                        : tcpPlan is not null ? new TcpCheckProbe(connector, tcpPlan, tcpPlan.ConnectsWithSsl
                            ? CheckTls.Options(backend.Definition, definition, endpoint, runtime.Global, always: true) : null)
                        : plan is null ? new TcpConnectProbe(connector)
                        : new HttpCheckProbe(connector, plan, () => checker!.SendStateValue());
                }

                var timing = new CheckTiming(inter, definition.FastInter, definition.DownInter, spreadChecks);
                checker = new ServerChecker(backend, server, probe, timing, time, random.NextDouble, Publish, LogCheck);
                if (probe is not null)
                {
                    server.Observer = PassiveHealth.For(checker);
                    _checkers.Add(checker);
                }

                if (agentEndpoint is not null)
                {
                    _agents.Add(Agent(backend.Definition, checker, agentEndpoint, spreadChecks, time, random));
                }
            }
        }
    }

    /// <summary>Raised for each `option log-health-checks` line, before the state change it may lead to.</summary>
    public event Action<HealthCheckLogged>? CheckLogged;

    /// <summary>Raised after a server changed state (on the checking thread; keep handlers short).</summary>
    public event Action<HealthStateChange>? StateChanged;

    public IReadOnlyList<ServerChecker> Checkers => _checkers;

    /// <summary>The servers' agents (`agent-check`), each with the checker of its server.</summary>
    public IReadOnlyList<AgentChecker> Agents => _agents;

    /// <summary>Starts the loops; first checks are spread evenly over the smallest interval (haproxy 2.6 start_checks).</summary>
    public void Start()
    {
        var count = _checkers.Count + _agents.Count;
        if (count == 0)
        {
            return;
        }

        var smallest = _checkers.Select(CheckTimingOf).Concat(_agents.Select(a => a.Timing.Inter)).Min();
        for (var i = 0; i < _checkers.Count; i++)
        {
            var checker = _checkers[i];
            var first = CheckTiming.FirstDelay(i, count, smallest);
            _loops.Add(Task.Run(() => checker.RunAsync(first, _stop.Token)));
        }

        for (var i = 0; i < _agents.Count; i++)
        {
            var agent = _agents[i];
            var first = CheckTiming.FirstDelay(_checkers.Count + i, count, smallest);
            _loops.Add(Task.Run(() => agent.RunAsync(first, _stop.Token)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).ConfigureAwait(false);
        _stop.Dispose();
    }

    private static TimeSpan CheckTimingOf(ServerChecker checker)
    {
        var d = checker.Server.Definition;
        var inter = d.Inter ?? CheckTiming.DefaultInter;
        return d.FastInter is { } fast && fast < inter ? fast : inter;
    }

    private void Publish(HealthStateChange change)
    {
        // haproxy 2.6 also sends the lines to the backend's own log targets (none without a `log` line there).
        var log = _runtime.AccessLogs.ForBackend(change.Backend.Name);

        // One writer at a time so a DOWN line and its "no server available" alert stay together.
        lock (_publishLock)
        {
            if (change.Message.Length > 0)
            {
                _messages?.Write(DiagnosticSeverity.Warning, change.Message, context: null);
                log.Send(change.SyslogLevel, change.Message);
            }

            if (change.BackendEmpty)
            {
                _messages?.Write(DiagnosticSeverity.Alert, HealthMessages.NoServerAvailable(change.Backend), context: null);
                log.Send(Logging.SyslogCodes.Emergency, HealthMessages.NoServerAvailable(change.Backend, quoted: false));
            }
        }

        StateChanged?.Invoke(change);
    }

    private void LogCheck(HealthCheckLogged logged)
    {
        lock (_publishLock)
        {
            _messages?.Write(DiagnosticSeverity.Warning, logged.Message, context: null);

            // haproxy 2.6 sends `option log-health-checks` lines at notice.
            _runtime.AccessLogs.ForBackend(logged.Backend.Name).Send(Logging.SyslogCodes.Notice, logged.Message);
        }

        CheckLogged?.Invoke(logged);
    }

    // haproxy 2.6 `agent-check`: the agent's own timer (`agent-inter`, else `inter`), the backend's check timeouts,
    // and `agent-send` written before reading.
    private static AgentChecker Agent(BackendSection backend, ServerChecker checker, IPEndPoint endpoint, int spreadChecks, TimeProvider time, Random random)
    {
        var definition = checker.Server.Definition;
        var inter = definition.AgentInter ?? definition.Inter ?? CheckTiming.DefaultInter;
        var connector = new CheckConnector(endpoint, CheckTimeouts.For(inter, backend.Timeouts.Connect, backend.Timeouts.Check), time);
        var send = definition.OtherSettings.TryGetValue("agent-send", out var text) ? System.Text.Encoding.Latin1.GetBytes(text) : [];
        var probe = new AgentProbe(connector, send);
        return new AgentChecker(checker, probe.RunAsync, new CheckTiming(inter, null, null, spreadChecks), time, random.NextDouble);
    }

    // `agent-addr` (else `addr`, else the server's address) and `agent-port`, which haproxy 2.6 requires.
    private static IPEndPoint? AgentEndpoint(ServerDefinition definition)
    {
        var address = definition.OtherSettings.TryGetValue("agent-addr", out var agentAddress) ? agentAddress : definition.CheckAddress;
        return definition.AgentPort is { } port ? Endpoint(definition, address, port) : null;
    }

    // `addr` and `port` override the server's address and port for checks (haproxy 2.6 §5.2).
    private static IPEndPoint? Endpoint(ServerDefinition definition, string? checkAddress, int? port)
    {
        if (port is not { } p)
        {
            return null;
        }

        var host = checkAddress ?? definition.Host;
        if (IPAddress.TryParse(host, out var address))
        {
            return new IPEndPoint(address, p);
        }

        try
        {
            return new IPEndPoint(Dns.GetHostAddresses(host).OrderBy(a => a.AddressFamily != AddressFamily.InterNetwork).First(), p);
        }
        catch (Exception e) when (e is SocketException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }
}
