using Proxy.Runtime;

namespace Proxy.Health;

/// <summary>
/// One server's check loop: wait, probe, judge, publish. Timing comes from <see cref="CheckTiming"/> on the injected
/// <see cref="TimeProvider"/>. It changes the server's health (<see cref="ServerState.IsUsable"/>) and, for an agent
/// (ServerChecker.Agent.cs), its admin state and weight. <paramref name="probe"/> is null for a server without `check`
/// whose agent alone decides.
/// </summary>
internal sealed partial class ServerChecker(
    BackendState backend,
    ServerState server,
    IHealthProbe? probe,
    CheckTiming timing,
    TimeProvider time,
    Func<double> random,
    Action<HealthStateChange> publish,
    Action<HealthCheckLogged>? logCheck = null)
{
    private readonly Lock _lock = new();
    private TaskCompletionSource? _hurry;

    public ServerState Server { get; } = server;

    /// <summary>The health counter; a checked server starts UP with health = rise (haproxy 2.6).</summary>
    public HealthCounter Counter { get; private set; } = HealthCounter.Starting(server.Definition.Rise, server.Definition.Fall);

    public ServerHealthPhase Phase { get; private set; } = ServerHealthPhase.Up;

    /// <summary>True when the server has `check` (a regular probe); false when only its agent runs.</summary>
    public bool HasCheck => probe is not null;

    /// <summary>The latest result, for stats and send-state; null before the first check.</summary>
    public CheckResult? LastResult { get; private set; }

    /// <summary>
    /// The x-haproxy-server-state value (`http-check send-state`), as haproxy 2.6 sends it:
    /// "UP 1/3; address=127.0.0.1; port=8080; name=be/s1; node=lb1; weight=1/2; scur=0/0; qcur=0".
    /// </summary>
    public string SendStateValue()
    {
        var c = Counter;
        var state = c.IsUp
            ? (Phase == ServerHealthPhase.NoLb ? "NOLB" : "UP") + (c.Health == c.Max ? "" : $" {c.Health - c.Rise + 1}/{c.Fall}")
            : c.Health == 0 ? "DOWN" : $"DOWN {c.Health}/{c.Rise}";
        var totalWeight = backend.Servers.Where(s => s.IsUsable).Sum(s => s.Weight);
        var totalSessions = backend.Servers.Sum(s => s.InFlight);
        var port = Server.Definition.Port is { } p ? $" port={p};" : "";
        return $"{state}; address={Server.Definition.Host};{port} name={backend.Name}/{Server.Name}; node={Environment.MachineName}; weight={Server.Weight}/{totalWeight}; scur={Server.InFlight}/{totalSessions}; qcur=0";
    }

    /// <summary>Runs until cancelled: the first check after <paramref name="firstDelay"/>, then one per interval.</summary>
    public async Task RunAsync(TimeSpan firstDelay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(firstDelay, time, cancellationToken).ConfigureAwait(false);
            while (!cancellationToken.IsCancellationRequested)
            {
                Apply(await ProbeAsync(cancellationToken).ConfigureAwait(false));
                await WaitAsync(timing.NextDelay(Counter, random()), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    // The wait for the next check; a passive-health verdict may shorten it to `fastinter` (haproxy 2.6 health_adjust).
    private async Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (Server.Definition.FastInter is not { } fast || Server.Observer is null)
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            return;
        }

        var hurry = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _hurry, hurry);
        var waitStarted = time.GetTimestamp();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(Task.Delay(delay, time, stop.Token), hurry.Task).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (hurry.Task.IsCompleted)
        {
            var left = delay - time.GetElapsedTime(waitStarted);
            await Task.Delay(left < fast ? (left > TimeSpan.Zero ? left : TimeSpan.Zero) : fast, time, cancellationToken).ConfigureAwait(false);
        }
    }

    // A probe that throws (no file descriptor left, …) counts as a socket error: the loop never dies.
    private async Task<CheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            return await probe!.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new CheckResult(CheckStatus.SockErr, null, e.Message, time.GetElapsedTime(started));
        }
    }

    /// <summary>
    /// A passive-health verdict (haproxy 2.6 `on-error`): fail-check counts one failed check, sudden-death first leaves
    /// the server one failure from DOWN, mark-down takes it DOWN; every mode (fastinter alone does nothing else) brings
    /// the next check forward to `fastinter` when one is set.
    /// </summary>
    public void ApplyAnalysis(string onError, string info)
    {
        if (onError != "fastinter")
        {
            lock (_lock)
            {
                if (onError == "mark-down" || (onError == "sudden-death" && Counter.Health > Counter.Rise))
                {
                    Counter = Counter with { Health = onError == "mark-down" ? Counter.Rise : Counter.Rise + 1 };
                }
            }

            Apply(new CheckResult(CheckStatus.Hana, null, info, TimeSpan.Zero));
        }

        if (Server.Definition.FastInter is not null)
        {
            Interlocked.Exchange(ref _hurry, null)?.TrySetResult();
        }
    }

    /// <summary>Counts one result and publishes a state change when there is one.</summary>
    public void Apply(CheckResult result)
    {
        HealthStateChange? change = null;
        HealthCheckLogged? logged = null;
        lock (_lock)
        {
            var previous = LastResult;
            LastResult = result;
            if (Server.Admin == ServerAdminState.Maint)
            {
                // haproxy 2.6 pauses the regular check during forced maintenance (its agent still runs).
                return;
            }

            if (result.Status == CheckStatus.L7OkC && !Counter.IsUp)
            {
                // haproxy 2.6: a 404 under disable-on-404 only moves a running server to NOLB; a DOWN server stays DOWN.
                return;
            }

            var (next, _) = HealthJudge.Judge(Counter, result.Passed);
            if (logCheck is not null && backend.Definition.LogHealthChecks
                && (next != Counter || previous is null || previous.Status != result.Status || previous.Code != result.Code))
            {
                // haproxy 2.6 logs a check only when its status or the health counter moved, not every repeat.
                logged = new HealthCheckLogged(backend, Server, result, next, HealthMessages.CheckLine(backend, Server, result, next));
            }

            Counter = next;
            // An agent that said down keeps the server DOWN whatever the check finds (haproxy 2.6: both must be UP).
            var phase = !next.IsUp || !AgentUp ? ServerHealthPhase.Down
                : result.Status == CheckStatus.L7OkC ? ServerHealthPhase.NoLb
                : result.Passed ? ServerHealthPhase.Up
                : Phase == ServerHealthPhase.Down ? ServerHealthPhase.Up : Phase;
            if (phase != Phase)
            {
                change = Move(phase, result);
            }
        }

        if (logged is not null)
        {
            logCheck!(logged);
        }

        if (change is not null)
        {
            publish(change);
        }
    }

    // Takes the server to a new health phase and says so (call under the lock).
    private HealthStateChange Move(ServerHealthPhase phase, CheckResult result)
    {
        var previousPhase = Phase;
        _movedWhileDrained |= Server.Admin == ServerAdminState.Drain;
        var emptied = Emptied(() =>
        {
            Phase = phase;
            Server.IsUsable = phase == ServerHealthPhase.Up;
        });
        // 2.6.12 sends a drained server's DOWN at notice, as a stopping one's: it was taking no new traffic already.
        int? level = phase == ServerHealthPhase.Down && Server.Admin == ServerAdminState.Drain ? Logging.SyslogCodes.Notice : null;
        return new HealthStateChange(backend, Server, phase, result, HealthMessages.StateChange(backend, Server, phase, result), emptied, previousPhase, level);
    }

    // haproxy 2.6 alerts only when a change emptied the backend (not again when a stopping server goes DOWN).
    private bool Emptied(Action change)
    {
        var (activeBefore, backupBefore) = HealthMessages.Usable(backend);
        change();
        var (active, backup) = HealthMessages.Usable(backend);
        return active == 0 && backup == 0 && activeBefore + backupBefore > 0;
    }
}
