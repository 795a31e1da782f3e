using Microsoft.AspNetCore.Http;
using Proxy.Health;
using Yarp.ReverseProxy.Forwarder;

namespace Proxy.Tests.Health;

public class PassiveHealthTests
{
    private sealed class NoProbe : IHealthProbe
    {
        public Task<CheckResult> RunAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("not run in these tests");
    }

    private static readonly CheckResult Pass = new(CheckStatus.L4Ok, null, null, TimeSpan.Zero);
    private static readonly CheckResult Fail = new(CheckStatus.L4Con, null, "Connection refused", TimeSpan.Zero);

    private static (ServerChecker Checker, PassiveHealth Passive, List<HealthStateChange> Changes) Build(string serverOptions)
    {
        var backend = HealthRuntime.Backend($"backend be\n server s1 127.0.0.1:1 check {serverOptions}\n server s2 127.0.0.1:2\n");
        var changes = new List<HealthStateChange>();
        var checker = new ServerChecker(backend, backend.Servers[0], new NoProbe(),
            new CheckTiming(CheckTiming.DefaultInter, null, null, 0), new FakeTimeProvider(), () => 0.5, changes.Add);
        var passive = PassiveHealth.For(checker);
        Assert.NotNull(passive);
        return (checker, passive, changes);
    }

    private static HttpContext Responded(int status)
    {
        var context = new DefaultHttpContext();
        context.Response.StatusCode = status;
        return context;
    }

    [Fact]
    public void For_NoObserve_IsNull()
    {
        var backend = HealthRuntime.Backend("backend be\n server s1 127.0.0.1:1 check\n");
        var checker = new ServerChecker(backend, backend.Servers[0], new NoProbe(), new CheckTiming(CheckTiming.DefaultInter, null, null, 0), new FakeTimeProvider(), () => 0.5, _ => { });

        Assert.Null(PassiveHealth.For(checker));
    }

    [Fact]
    public void Count_ErrorLimitReachedFailCheck_StartingServerGoesDownWithHaproxysLine()
    {
        var (checker, passive, changes) = Build("observe layer4 error-limit 2");

        passive.Count("L4 unsuccessful connection");
        Assert.Empty(changes);
        passive.Count("L4 unsuccessful connection");

        var change = Assert.Single(changes);
        Assert.False(checker.Server.IsUsable);
        // haproxy 2.6.12 (captured): no check duration for a passive verdict.
        Assert.Equal("Server be/s1 is DOWN, reason: Health analyze, info: \"Detected 2 consecutive errors, last one was: L4 unsuccessful connection\". 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.", change.Message);
    }

    [Fact]
    public void Count_SuccessBetweenErrors_ResetsTheRun()
    {
        var (_, passive, changes) = Build("observe layer4 error-limit 2");

        passive.Count("L4 unsuccessful connection");
        passive.Count(null);
        passive.Count("L4 unsuccessful connection");

        Assert.Empty(changes);
    }

    [Fact]
    public void Count_FailCheckAtFullHealth_CountsOneFailedCheckOnly()
    {
        var (checker, passive, changes) = Build("observe layer4 error-limit 1 on-error fail-check");
        checker.Apply(Pass);
        checker.Apply(Pass);

        passive.Count("L4 unsuccessful connection");

        Assert.Empty(changes);
        Assert.Equal(checker.Counter.Max - 1, checker.Counter.Health);
    }

    [Fact]
    public void Count_SuddenDeathAtFullHealth_LeavesOneFailureToDown()
    {
        var (checker, passive, changes) = Build("observe layer4 error-limit 1 on-error sudden-death");
        checker.Apply(Pass);
        checker.Apply(Pass);

        passive.Count("L4 unsuccessful connection");
        Assert.Empty(changes);
        checker.Apply(Fail);

        Assert.Equal([ServerHealthPhase.Down], changes.Select(c => c.Phase));
    }

    [Fact]
    public void Count_MarkDownAtFullHealth_GoesDownAtOnce()
    {
        var (checker, passive, changes) = Build("observe layer4 error-limit 1 on-error mark-down");
        checker.Apply(Pass);
        checker.Apply(Pass);

        passive.Count("L4 unsuccessful connection");

        Assert.Equal([ServerHealthPhase.Down], changes.Select(c => c.Phase));
    }

    [Fact]
    public void Count_FastInter_ChangesNoState()
    {
        var (checker, passive, changes) = Build("observe layer4 error-limit 1 on-error fastinter");

        passive.Count("L4 unsuccessful connection");

        Assert.Empty(changes);
        Assert.True(checker.Server.IsUsable);
    }

    [Fact]
    public void Report_Layer7_Counts5xxButNot501Or505()
    {
        var (_, passive, changes) = Build("observe layer7 error-limit 2");

        passive.Report(ForwarderError.None, Responded(503));
        passive.Report(ForwarderError.None, Responded(501));
        passive.Report(ForwarderError.None, Responded(502));
        Assert.Empty(changes);
        passive.Report(ForwarderError.None, Responded(500));

        Assert.Contains("last one was: Wrong http response\".", Assert.Single(changes).Message);
    }

    [Fact]
    public void Report_Layer4_Ignores5xxStatuses()
    {
        var (_, passive, changes) = Build("observe layer4 error-limit 1");

        passive.Report(ForwarderError.None, Responded(503));
        passive.Report(ForwarderError.None, Responded(500));

        Assert.Empty(changes);
    }

    private static HttpContext Failed(Exception exception)
    {
        var context = new DefaultHttpContext();
        context.Features.Set<IForwarderErrorFeature>(new ForwarderErrorFeature(ForwarderError.Request, exception));
        return context;
    }

    private sealed record ForwarderErrorFeature(ForwarderError Error, Exception? Exception) : IForwarderErrorFeature;

    [Fact]
    public void Report_ConnectionRefused_CountsForLayer4()
    {
        var (_, passive, changes) = Build("observe layer4 error-limit 2");
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "refused");

        passive.Report(ForwarderError.Request, Failed(refused));
        passive.Report(ForwarderError.Request, Failed(refused));

        Assert.Contains("last one was: L4 unsuccessful connection\".", Assert.Single(changes).Message);
    }

    [Fact]
    public void Report_EmptyResponse_CountsForLayer7ButResetsLayer4()
    {
        var closed = new HttpRequestException(HttpRequestError.ResponseEnded, "closed");
        var (_, layer4, changes4) = Build("observe layer4 error-limit 1");
        var (_, layer7, changes7) = Build("observe layer7 error-limit 1");

        layer4.Report(ForwarderError.Request, Failed(closed));
        layer7.Report(ForwarderError.Request, Failed(closed));

        Assert.Empty(changes4);
        Assert.Contains("last one was: Close from server (http)\".", Assert.Single(changes7).Message);
    }

    private sealed class CountingProbe : IHealthProbe
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task<CheckResult> RunAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(Pass);
        }
    }

    [Fact]
    public async Task Count_ErrorLimitWithFastInter_BringsTheNextCheckForward()
    {
        var backend = HealthRuntime.Backend("backend be\n server s1 127.0.0.1:1 check inter 10s fastinter 100 observe layer4 error-limit 1 on-error fastinter\n");
        var time = new FakeTimeProvider();
        var probe = new CountingProbe();
        var d = backend.Servers[0].Definition;
        var checker = new ServerChecker(backend, backend.Servers[0], probe, new CheckTiming(d.Inter!.Value, d.FastInter, d.DownInter, 0), time, () => 0.5, _ => { });
        backend.Servers[0].Observer = PassiveHealth.For(checker);
        using var stop = new CancellationTokenSource();
        var loop = Task.Run(() => checker.RunAsync(TimeSpan.Zero, stop.Token));
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (probe.Calls == 0 || time.PendingTimers == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the first check never ran");
            await Task.Delay(1);
        }

        backend.Servers[0].Observer!.Count("L4 unsuccessful connection");
        // Bounded poll on the fake clock: the second check must come at fastinter, far before inter (10 s).
        while (probe.Calls < 2 && time.Now < TimeSpan.FromSeconds(2) && DateTime.UtcNow < deadline)
        {
            time.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(2);
        }

        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, probe.Calls);
        Assert.InRange(time.Now, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500));
    }
}
