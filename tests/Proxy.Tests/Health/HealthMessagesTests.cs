using Proxy.Health;

namespace Proxy.Tests.Health;

public class HealthMessagesTests
{
    private static readonly CheckResult Refused = new(CheckStatus.L4Con, null, "Connection refused", TimeSpan.FromMilliseconds(0.4));

    [Fact]
    public void StateChange_DownWithL4Con_IsHaproxysSentence()
    {
        var backend = HealthRuntime.Backend("backend be\n server s1 127.0.0.1:1 check\n");
        backend.Servers[0].IsUsable = false;

        Assert.Equal(
            "Server be/s1 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.",
            HealthMessages.StateChange(backend, backend.Servers[0], ServerHealthPhase.Down, Refused));
    }

    [Fact]
    public void StateChange_UpWithL4Ok_IsHaproxysSentence()
    {
        var backend = HealthRuntime.Backend("backend be\n server s1 127.0.0.1:1 check\n");

        Assert.Equal(
            "Server be/s1 is UP, reason: Layer4 check passed, check duration: 0ms. 1 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.",
            HealthMessages.StateChange(backend, backend.Servers[0], ServerHealthPhase.Up, new CheckResult(CheckStatus.L4Ok, null, null, TimeSpan.Zero)));
    }

    [Fact]
    public void StateChange_LastActiveDownWithBackup_SaysRunningOnBackup()
    {
        var backend = HealthRuntime.Backend("backend be\n server s1 127.0.0.1:1 check\n server b1 127.0.0.1:2 check backup\n");
        backend.Servers[0].IsUsable = false;

        Assert.EndsWith("0 active and 1 backup servers left. Running on backup. 0 sessions active, 0 requeued, 0 remaining in queue.",
            HealthMessages.StateChange(backend, backend.Servers[0], ServerHealthPhase.Down, Refused));
    }

    [Fact]
    public void StateChange_BackupServer_StartsWithBackup()
    {
        var backend = HealthRuntime.Backend("backend be\n server b1 127.0.0.1:2 check backup\n");

        Assert.StartsWith("Backup Server be/b1 is DOWN, ",
            HealthMessages.StateChange(backend, backend.Servers[0], ServerHealthPhase.Down, Refused));
    }

    [Fact]
    public void StateChange_WrongStatus_HasCodeAndQuotedEscapedInfo()
    {
        var backend = HealthRuntime.Backend("backend be\n server s1 127.0.0.1:1 check\n");

        Assert.Contains("reason: Layer7 wrong status, code: 503, info: \"Bad \\\"x\\\"\\n\", check duration: 26ms.",
            HealthMessages.StateChange(backend, backend.Servers[0], ServerHealthPhase.Down, new CheckResult(CheckStatus.L7Sts, 503, "Bad \"x\"\n", TimeSpan.FromMilliseconds(26.7))));
    }

    [Fact]
    public void StateChange_NoLb_SaysStopping()
        => Assert.Contains(" is stopping, reason: Layer7 check conditionally passed, code: 404, ",
            HealthMessages.StateChange(HealthRuntime.Backend("backend be\n server s1 127.0.0.1:1 check\n"), HealthRuntime.Backend("backend be\n server s1 127.0.0.1:1 check\n").Servers[0],
                ServerHealthPhase.NoLb, new CheckResult(CheckStatus.L7OkC, 404, null, TimeSpan.Zero)));

    [Fact]
    public void NoServerAvailable_BackendAndListen_UseTheirWord()
    {
        Assert.Equal("backend 'be' has no server available!", HealthMessages.NoServerAvailable(HealthRuntime.Backend("backend be\n server s1 127.0.0.1:1\n")));
        Assert.Equal("proxy 'li' has no server available!", HealthMessages.NoServerAvailable(HealthRuntime.Backend("listen li\n server s1 127.0.0.1:1\n")));
    }

    [Fact]
    public void StateChange_LogHealthChecks_LeavesOutTheReason()
    {
        var backend = HealthRuntime.Backend("backend be\n option log-health-checks\n server s1 127.0.0.1:1 check\n");
        backend.Servers[0].IsUsable = false;

        Assert.Equal("Server be/s1 is DOWN. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.",
            HealthMessages.StateChange(backend, backend.Servers[0], ServerHealthPhase.Down, Refused));
    }

    [Theory]
    [InlineData(4, true, "succeeded, reason: Layer4 check passed, check duration: 0ms, status: 3/3 UP.")]
    [InlineData(3, false, "failed, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms, status: 2/3 UP.")]
    [InlineData(0, false, "failed, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms, status: 0/2 DOWN.")]
    [InlineData(1, true, "succeeded, reason: Layer4 check passed, check duration: 0ms, status: 1/2 DOWN.")]
    public void CheckLine_Counter_IsHaproxysLogHealthChecksLine(int health, bool passed, string expected)
    {
        var backend = HealthRuntime.Backend("backend be\n server s1 127.0.0.1:1 check\n");
        var result = passed ? new CheckResult(CheckStatus.L4Ok, null, null, TimeSpan.Zero) : Refused;

        Assert.Equal("Health check for server be/s1 " + expected, HealthMessages.CheckLine(backend, backend.Servers[0], result, new HealthCounter(health, 2, 3)));
    }

    [Fact]
    public void CheckLine_HealthAnalyze_HasNoDuration()
    {
        // haproxy 2.6.12 (captured with observe + log-health-checks).
        var backend = HealthRuntime.Backend("backend be\n server s1 127.0.0.1:1 check\n");
        var result = new CheckResult(CheckStatus.Hana, null, "Detected 2 consecutive errors, last one was: Wrong http response", TimeSpan.FromMilliseconds(5));

        Assert.Equal(
            "Health check for server be/s1 failed, reason: Health analyze, info: \"Detected 2 consecutive errors, last one was: Wrong http response\", status: 0/2 DOWN.",
            HealthMessages.CheckLine(backend, backend.Servers[0], result, new HealthCounter(0, 2, 3)));
    }
}
