using Proxy.Health;

namespace Proxy.Tests.Health;

public class ServerCheckerTests
{
    private static readonly CheckResult Pass = new(CheckStatus.L4Ok, null, null, TimeSpan.Zero);
    private static readonly CheckResult Fail = new(CheckStatus.L4Con, null, "Connection refused", TimeSpan.Zero);

    /// <summary>Returns scripted results and records the fake time of each call.</summary>
    private sealed class ScriptedProbe(FakeTimeProvider time, params CheckResult[] results) : IHealthProbe
    {
        private int _next;

        public List<TimeSpan> Calls { get; } = [];

        public SemaphoreSlim Called { get; } = new(0);

        public Task<CheckResult> RunAsync(CancellationToken cancellationToken)
        {
            lock (Calls)
            {
                Calls.Add(time.Now);
            }

            var result = results[Math.Min(_next++, results.Length - 1)];
            Called.Release();
            return Task.FromResult(result);
        }
    }

    // Bounded poll (not a timing sleep): the loop registers its next delay right after the probe returns.
    private static async Task WaitForTimerAsync(FakeTimeProvider time)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (time.PendingTimers == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the checker never scheduled its next check");
            await Task.Delay(1);
        }
    }

    private static async Task<List<TimeSpan>> RunAsync(string server, int spread, Func<double> random, params CheckResult[] results)
    {
        var backend = HealthRuntime.Backend("backend be\n server " + server + "\n");
        var time = new FakeTimeProvider();
        var probe = new ScriptedProbe(time, results);
        var d = backend.Servers[0].Definition;
        var timing = new CheckTiming(d.Inter ?? CheckTiming.DefaultInter, d.FastInter, d.DownInter, spread);
        var checker = new ServerChecker(backend, backend.Servers[0], probe, timing, time, random, _ => { });
        using var stop = new CancellationTokenSource();
        var loop = Task.Run(() => checker.RunAsync(TimeSpan.Zero, stop.Token));
        for (var i = 0; i < results.Length; i++)
        {
            Assert.True(await probe.Called.WaitAsync(TimeSpan.FromSeconds(5)), $"check {i + 1} never ran");
            if (i < results.Length - 1)
            {
                await WaitForTimerAsync(time);
                time.AdvanceToNextTimer();
            }
        }

        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(5));
        return probe.Calls;
    }

    [Fact]
    public async Task RunAsync_DownThenRising_UsesDownInterThenFastInterThenInter()
    {
        var calls = await RunAsync("s1 127.0.0.1:1 check inter 2s fastinter 500 downinter 10s", 0, () => 0.5, Fail, Pass, Pass, Pass);

        var gaps = calls.Zip(calls.Skip(1), (a, b) => (b - a).TotalMilliseconds);
        Assert.Equal([10000, 500, 2000], gaps);
    }

    [Fact]
    public async Task RunAsync_FirstSuccessAfterStart_UsesFastInterOnceThenInter()
    {
        // Start: health = rise (transitioning) until the first result; then full health.
        var calls = await RunAsync("s1 127.0.0.1:1 check inter 3s fastinter 1s", 0, () => 0.5, Pass, Pass, Pass);

        var gaps = calls.Zip(calls.Skip(1), (a, b) => (b - a).TotalMilliseconds);
        Assert.Equal([3000, 3000], gaps);
    }

    [Fact]
    public async Task RunAsync_Spread_AppliesTheInjectedDraw()
    {
        var calls = await RunAsync("s1 127.0.0.1:1 check inter 2s", 50, () => 0.0, Pass, Pass);

        Assert.Equal(3000, (calls[1] - calls[0]).TotalMilliseconds);
    }

    [Fact]
    public void Apply_FallFailures_SetsUnusableAndPublishesOnce()
    {
        var backend = HealthRuntime.Backend("backend be\n server s1 127.0.0.1:1 check\n server s2 127.0.0.1:2 check\n");
        var changes = new List<HealthStateChange>();
        var checker = new ServerChecker(backend, backend.Servers[0], new ScriptedProbe(new FakeTimeProvider()),
            new CheckTiming(CheckTiming.DefaultInter, null, null, 0), TimeProvider.System, () => 0.5, changes.Add);

        checker.Apply(Pass);
        checker.Apply(Fail);
        checker.Apply(Fail);
        Assert.True(backend.Servers[0].IsUsable);
        checker.Apply(Fail);

        Assert.False(backend.Servers[0].IsUsable);
        var change = Assert.Single(changes);
        Assert.Equal(ServerHealthPhase.Down, change.Phase);
        Assert.False(change.BackendEmpty);
        Assert.Equal(["s2"], backend.Eligible.Select(s => s.Name));
    }

    [Fact]
    public void Apply_RiseSuccessesFromDown_SetsUsableAgain()
    {
        var backend = HealthRuntime.Backend("backend be\n server s1 127.0.0.1:1 check rise 3\n");
        var changes = new List<HealthStateChange>();
        var checker = new ServerChecker(backend, backend.Servers[0], new ScriptedProbe(new FakeTimeProvider()),
            new CheckTiming(CheckTiming.DefaultInter, null, null, 0), TimeProvider.System, () => 0.5, changes.Add);

        checker.Apply(Fail);
        checker.Apply(Pass);
        checker.Apply(Pass);
        Assert.False(backend.Servers[0].IsUsable);
        checker.Apply(Pass);

        Assert.True(backend.Servers[0].IsUsable);
        Assert.Equal([ServerHealthPhase.Down, ServerHealthPhase.Up], changes.Select(c => c.Phase));
        Assert.True(changes[0].BackendEmpty);
        Assert.StartsWith("Server be/s1 is UP, reason: Layer4 check passed", changes[1].Message);
    }

    [Fact]
    public void Apply_ConditionalPass_GoesNoLbAndBack()
    {
        var backend = HealthRuntime.Backend("backend be\n server s1 127.0.0.1:1 check\n");
        var changes = new List<HealthStateChange>();
        var checker = new ServerChecker(backend, backend.Servers[0], new ScriptedProbe(new FakeTimeProvider()),
            new CheckTiming(CheckTiming.DefaultInter, null, null, 0), TimeProvider.System, () => 0.5, changes.Add);

        checker.Apply(new CheckResult(CheckStatus.L7OkC, 404, null, TimeSpan.Zero));
        Assert.False(backend.Servers[0].IsUsable);
        checker.Apply(new CheckResult(CheckStatus.L7Ok, 200, null, TimeSpan.Zero));

        Assert.True(backend.Servers[0].IsUsable);
        Assert.Equal([ServerHealthPhase.NoLb, ServerHealthPhase.Up], changes.Select(c => c.Phase));
    }

    [Fact]
    public void Apply_StoppingServerGoesDown_NoSecondEmptyAlertAndNoticeLevel()
    {
        // haproxy 2.6.12 (captured): "is stopping" at notice with the emerg alert, then DOWN at notice without another alert.
        var backend = HealthRuntime.Backend("backend be\n server s1 127.0.0.1:1 check fall 1\n");
        var changes = new List<HealthStateChange>();
        var checker = new ServerChecker(backend, backend.Servers[0], new ScriptedProbe(new FakeTimeProvider()),
            new CheckTiming(CheckTiming.DefaultInter, null, null, 0), TimeProvider.System, () => 0.5, changes.Add);

        checker.Apply(new CheckResult(CheckStatus.L7OkC, 404, null, TimeSpan.Zero));
        checker.Apply(Fail);
        checker.Apply(Pass);
        checker.Apply(Pass);
        checker.Apply(Fail);

        Assert.Equal(
            [(ServerHealthPhase.NoLb, true, 5), (ServerHealthPhase.Down, false, 5), (ServerHealthPhase.Up, false, 5), (ServerHealthPhase.Down, true, 1)],
            changes.Select(c => (c.Phase, c.BackendEmpty, c.SyslogLevel)));
    }

    [Fact]
    public void Apply_ConditionalPassWhileDown_StaysDown()
    {
        var backend = HealthRuntime.Backend("backend be\n server s1 127.0.0.1:1 check\n");
        var changes = new List<HealthStateChange>();
        var checker = new ServerChecker(backend, backend.Servers[0], new ScriptedProbe(new FakeTimeProvider()),
            new CheckTiming(CheckTiming.DefaultInter, null, null, 0), TimeProvider.System, () => 0.5, changes.Add);

        checker.Apply(Fail);
        checker.Apply(new CheckResult(CheckStatus.L7OkC, 404, null, TimeSpan.Zero));
        checker.Apply(new CheckResult(CheckStatus.L7OkC, 404, null, TimeSpan.Zero));

        Assert.False(backend.Servers[0].IsUsable);
        Assert.Equal([ServerHealthPhase.Down], changes.Select(c => c.Phase));
    }

    [Fact]
    public void Apply_LogHealthChecks_LogsOnlyWhenStatusOrHealthMoves()
    {
        var backend = HealthRuntime.Backend("backend be\n option log-health-checks\n server s1 127.0.0.1:1 check\n");
        var logged = new List<string>();
        var checker = new ServerChecker(backend, backend.Servers[0], new ScriptedProbe(new FakeTimeProvider()),
            new CheckTiming(CheckTiming.DefaultInter, null, null, 0), TimeProvider.System, () => 0.5, _ => { }, l => logged.Add(l.Message[(l.Message.LastIndexOf("status: ", StringComparison.Ordinal) + 8)..]));

        foreach (var result in new[] { Pass, Pass, Fail, Fail, Fail, Fail, Pass, Pass, Pass })
        {
            checker.Apply(result);
        }

        Assert.Equal(["3/3 UP.", "2/3 UP.", "1/3 UP.", "0/2 DOWN.", "1/2 DOWN.", "3/3 UP."], logged);
    }

    private sealed class ThrowingProbe : IHealthProbe
    {
        public TaskCompletionSource Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<CheckResult> RunAsync(CancellationToken cancellationToken)
        {
            Called.TrySetResult();
            throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.TooManyOpenSockets);
        }
    }

    [Fact]
    public async Task RunAsync_ProbeThrows_CountsASocketErrorAndKeepsRunning()
    {
        var backend = HealthRuntime.Backend("backend be\n server s1 127.0.0.1:1 check\n");
        var changes = new List<HealthStateChange>();
        var probe = new ThrowingProbe();
        var time = new FakeTimeProvider();
        var checker = new ServerChecker(backend, backend.Servers[0], probe, new CheckTiming(CheckTiming.DefaultInter, null, null, 0), time, () => 0.5, changes.Add);
        using var stop = new CancellationTokenSource();

        var loop = Task.Run(() => checker.RunAsync(TimeSpan.Zero, stop.Token));
        await probe.Called.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await WaitForTimerAsync(time);
        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(CheckStatus.SockErr, Assert.Single(changes).Result.Status);
        Assert.StartsWith("Server be/s1 is DOWN, reason: Socket error, info: ", changes[0].Message);
    }

    [Fact]
    public void SendStateValue_Starting_IsHaproxysHeaderValue()
    {
        var backend = HealthRuntime.Backend("backend be\n server s1 127.0.0.1:8080 check weight 3\n server s2 127.0.0.1:8081 weight 2\n");
        var checker = new ServerChecker(backend, backend.Servers[0], new ScriptedProbe(new FakeTimeProvider()),
            new CheckTiming(CheckTiming.DefaultInter, null, null, 0), TimeProvider.System, () => 0.5, _ => { });

        Assert.Equal($"UP 1/3; address=127.0.0.1; port=8080; name=be/s1; node={Environment.MachineName}; weight=3/5; scur=0/0; qcur=0", checker.SendStateValue());
        checker.Apply(Pass);
        Assert.StartsWith("UP; address=", checker.SendStateValue());
    }
}
