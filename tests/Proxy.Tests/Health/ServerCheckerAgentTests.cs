using Proxy.Health;
using Proxy.LoadBalancing;
using Proxy.Runtime;

namespace Proxy.Tests.Health;

/// <summary>ServerChecker.Agent.cs: what agent replies do to the server; expected lines captured from haproxy 2.6.12.</summary>
public class ServerCheckerAgentTests
{
    private const string Tail = " 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.";

    private sealed class Setup
    {
        public Setup(string s1 = "agent-check agent-port 2 weight 10", string lines = "")
        {
            Backend = HealthRuntime.Backend($"backend be\n{lines} server s1 127.0.0.1:1 {s1}\n server s2 127.0.0.1:1 weight 10\n");
            Server = Backend.Servers[0];
            var d = Server.Definition;
            var probe = d.Check ? new ScriptedProbe() : null;
            Checker = new ServerChecker(Backend, Server, probe, new CheckTiming(CheckTiming.DefaultInter, null, null, 0), new FakeTimeProvider(), () => 0.5,
                change => Changes.Add(change));
        }

        public BackendState Backend { get; }

        public ServerState Server { get; }

        public ServerChecker Checker { get; }

        public List<HealthStateChange> Changes { get; } = [];

        public string[] Say(params string[] lines)
        {
            var before = Changes.Count;
            foreach (var line in lines)
            {
                Checker.ApplyAgent(AgentReply.Parse(line), TimeSpan.FromMilliseconds(3));
            }

            return [.. Changes.Skip(before).Select(c => c.Message)];
        }
    }

    private sealed class ScriptedProbe : IHealthProbe
    {
        public Task<CheckResult> RunAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("not run by these tests");
    }

    [Fact]
    public void ApplyAgent_Down_ServerDownWithHaproxyLine()
    {
        var setup = new Setup();

        var lines = setup.Say("down\n");

        Assert.Equal(
            ["Server be/s1 is DOWN, reason: Layer7 wrong status, code: 0, info: \"via agent : down\", check duration: 3ms." + Tail], lines);
        Assert.False(setup.Server.IsUsable);
        Assert.Equal(Proxy.Logging.SyslogCodes.Alert, setup.Changes[0].SyslogLevel);
    }

    // Syslog priorities captured from haproxy 2.6.12 (HealthCheckSyslogParityTests.Agent.cs compares them live).
    [Theory]
    [InlineData("down", Proxy.Logging.SyslogCodes.Alert)]
    [InlineData("drain|down", Proxy.Logging.SyslogCodes.Notice)]
    [InlineData("maint", Proxy.Logging.SyslogCodes.Alert)]
    [InlineData("down|maint", Proxy.Logging.SyslogCodes.Notice)]
    [InlineData("drain", Proxy.Logging.SyslogCodes.Notice)]
    [InlineData("maint|ready", Proxy.Logging.SyslogCodes.Notice)]
    public void ApplyAgent_Words_SyslogLevelOfTheLastLine(string words, int level)
    {
        var setup = new Setup();

        setup.Say([.. words.Split('|').Select(w => w + "\n")]);

        Assert.Equal(level, setup.Changes[^1].SyslogLevel);
    }

    [Fact]
    public void ApplyAgent_FailWithComment_ReasonInParentheses()
    {
        var setup = new Setup();

        Assert.Contains("info: \"via agent : fail (x)\"", Assert.Single(setup.Say("fail # x\n")));
    }

    [Fact]
    public void ApplyAgent_DownThenUp_ServerUpAgain()
    {
        var setup = new Setup();

        var lines = setup.Say("down\n", "down\n", "up\n");

        Assert.Equal(2, lines.Length);
        Assert.Equal(
            "Server be/s1 is UP, reason: Layer7 check passed, code: 0, info: \"via agent : up\", check duration: 3ms. 2 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.",
            lines[1]);
        Assert.True(setup.Server.IsUsable);
    }

    [Fact]
    public void ApplyAgent_DrainThenReady_WeightZeroThenBack()
    {
        var setup = new Setup();

        var drain = setup.Say("drain\n");
        var (weight, usable) = (setup.Server.Weight, setup.Server.IsUsable);
        var ready = setup.Say("ready\n");

        Assert.Equal(["Server be/s1 enters drain state. 1 active and 0 backup servers online. 0 sessions requeued, 0 total in queue."], drain);
        Assert.Equal((0, true), (weight, usable));
        Assert.Equal(["Server be/s1 is UP (leaving forced drain)."], ready);
        Assert.Equal(10, setup.Server.Weight);
    }

    [Fact]
    public void ApplyAgent_MaintThenReady_OutOfServiceThenUp()
    {
        var setup = new Setup();

        var maint = setup.Say("maint\n");
        var usable = setup.Server.IsUsable;
        var ready = setup.Say("ready\n");

        Assert.Equal(["Server be/s1 is going DOWN for maintenance." + Tail], maint);
        Assert.False(usable);
        Assert.Equal(["Server be/s1 is UP/READY (leaving forced maintenance)."], ready);
        Assert.True(setup.Server.IsUsable);
    }

    [Fact]
    public void ApplyAgent_DownDuringMaint_LeavesMaintDown()
    {
        var setup = new Setup();

        var lines = setup.Say("maint\n", "down\n", "ready\n", "up\n");

        Assert.Equal("Server be/s1 is DOWN/READY (leaving forced maintenance).", lines[1]);
        Assert.StartsWith("Server be/s1 is UP, reason: Layer7 check passed", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void ApplyAgent_DownMaintTogether_OnlyMaintenanceLine()
    {
        var setup = new Setup();

        Assert.Equal(["Server be/s1 is going DOWN for maintenance." + Tail], setup.Say("down maint\n"));
        Assert.Equal(["Server be/s1 is UP/READY (leaving forced maintenance)."], setup.Say("up ready\n"));
    }

    [Fact]
    public void ApplyAgent_MaintWhileDown_WasDownLine()
    {
        var setup = new Setup();

        var lines = setup.Say("down\n", "maint\n");

        Assert.Equal("Server be/s1 was DOWN and now enters maintenance.", lines[1]);
    }

    [Fact]
    public void ApplyAgent_DrainDuringMaint_ShownOnReady()
    {
        var setup = new Setup();

        var lines = setup.Say("maint\n", "drain\n", "ready\n");

        Assert.Equal(
            ["Server be/s1 is UP/DRAIN (leaving forced maintenance).", "Server be/s1 remains in forced drain mode.", "Server be/s1 is UP (leaving forced drain)."],
            lines[1..]);
        Assert.Equal((ServerAdminState.Ready, 10), (setup.Server.Admin, setup.Server.Weight));
    }

    [Fact]
    public void ApplyAgent_PercentWhileDraining_RemainsLine()
    {
        var setup = new Setup();

        var lines = setup.Say("drain 60%\n", "50%\n");

        Assert.Equal(["Server be/s1 enters drain state. 1 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.",
            "Server be/s1 remains in forced drain mode.", "Server be/s1 remains in forced drain mode."], lines);
        Assert.Equal((0, 5), (setup.Server.Weight, setup.Server.UserWeight));
    }

    // Captured from haproxy 2.6.12: leaving a drain the server went DOWN or UP in first says it "remains" draining.
    [Theory]
    [InlineData("drain|down|ready", "Server be/s1 remains in forced drain mode.|Server be/s1 is DOWN (leaving forced drain).")]
    [InlineData("drain|down|up|ready", "Server be/s1 remains in forced drain mode.|Server be/s1 is UP (leaving forced drain).")]
    [InlineData("down|drain|ready", "Server be/s1 is DOWN (leaving forced drain).")]
    [InlineData("drain|ready", "Server be/s1 is UP (leaving forced drain).")]
    public void ApplyAgent_LeavingDrain_RemainsLineAfterAMove(string words, string expected)
    {
        var setup = new Setup();
        var lines = words.Split('|');
        setup.Say([.. lines[..^1].Select(w => w + "\n")]);

        Assert.Equal(expected.Split('|'), setup.Say(lines[^1] + "\n"));
    }

    [Theory]
    [InlineData("50%\n", 5)]
    [InlineData("5%\n", 0)]
    [InlineData("150%\n", 15)]
    [InlineData("garbage\n", 10)]
    public void ApplyAgent_Percent_SetsWeightSilently(string line, int weight)
    {
        var setup = new Setup();

        Assert.Empty(setup.Say(line));
        Assert.Equal(weight, setup.Server.Weight);
    }

    // Captured from haproxy 2.6.12 `show servers state`: static algorithms keep their weights but for 0% and 100%.
    [Theory]
    [InlineData(" balance static-rr\n", "50%\n", 10)]
    [InlineData(" balance source\n", "50%\n", 10)]
    [InlineData(" balance source\n hash-type consistent\n", "50%\n", 5)]
    [InlineData(" balance static-rr\n", "0%\n", 0)]
    [InlineData(" balance leastconn\n", "50%\n", 5)]
    public void ApplyAgent_StaticAlgorithm_OnlyZeroOrFullWeight(string lines, string reply, int weight)
    {
        var setup = new Setup(lines: lines);

        setup.Say(reply);

        Assert.Equal(weight, setup.Server.Weight);
    }

    [Fact]
    public void ApplyAgent_ZeroPercentEmptiesBackend_AlertWithoutServerLine()
    {
        var setup = new Setup();
        setup.Backend.Servers[1].IsUsable = false;

        setup.Say("0%\n");
        setup.Say("0%\n");

        var change = Assert.Single(setup.Changes);
        Assert.Equal(("", true), (change.Message, change.BackendEmpty));
    }

    [Fact]
    public void ApplyAgent_DrainLastServer_BackendEmpty()
    {
        var setup = new Setup();
        setup.Backend.Servers[1].IsUsable = false;

        setup.Say("drain\n");

        Assert.True(Assert.Single(setup.Changes).BackendEmpty);
    }

    [Fact]
    public void ApplyAgent_WithCheck_CheckFailureStillDecides()
    {
        var setup = new Setup("check agent-check agent-port 2 fall 1");
        var fail = new CheckResult(CheckStatus.L4Con, null, "Connection refused", TimeSpan.Zero);
        var pass = new CheckResult(CheckStatus.L4Ok, null, null, TimeSpan.Zero);

        setup.Checker.Apply(fail);
        var afterCheck = setup.Server.IsUsable;
        setup.Say("up\n");
        var afterAgentUp = setup.Server.IsUsable;
        setup.Checker.Apply(pass);
        setup.Checker.Apply(pass);
        var afterRise = setup.Server.IsUsable;
        setup.Say("down\n");
        setup.Checker.Apply(pass);

        Assert.Equal((false, false, true, false), (afterCheck, afterAgentUp, afterRise, setup.Server.IsUsable));
        Assert.Equal(3, setup.Changes.Count);
    }

    [Fact]
    public void Apply_DuringMaint_CheckPaused()
    {
        var setup = new Setup("check agent-check agent-port 2 fall 1");

        setup.Say("maint\n");
        setup.Checker.Apply(new CheckResult(CheckStatus.L4Con, null, "Connection refused", TimeSpan.Zero));

        Assert.Single(setup.Changes);
        Assert.Equal(["Server be/s1 is UP/READY (leaving forced maintenance)."], setup.Say("ready\n"));
    }

    [Fact]
    public void ApplyAgent_Drain_PoolStopsPickingServer()
    {
        var setup = new Setup();
        var pool = new ServerPool(setup.Backend.Servers, allBackups: false);

        setup.Say("drain\n");
        var drained = pool.Current.Servers.Select(s => s.Name).ToArray();
        setup.Say("ready\n");

        Assert.Equal(["s2"], drained);
        Assert.Equal(["s1", "s2"], pool.Current.Servers.Select(s => s.Name));
    }
}
