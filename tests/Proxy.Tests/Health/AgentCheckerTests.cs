using Proxy.Health;

namespace Proxy.Tests.Health;

public class AgentCheckerTests
{
    // A fake agent: scripted lines (null = no answer, "!" = the probe throws), recording the fake time of each question.
    private sealed class ScriptedAgent(FakeTimeProvider time, params string?[] lines)
    {
        private int _next;

        public List<TimeSpan> Calls { get; } = [];

        public SemaphoreSlim Asked { get; } = new(0);

        public Task<(AgentReply Reply, TimeSpan Duration)?> AskAsync(CancellationToken cancellationToken)
        {
            string? line;
            lock (Calls)
            {
                Calls.Add(time.Now);
                line = lines[Math.Min(_next++, lines.Length - 1)];
            }

            Asked.Release();
            return line == "!" ? throw new InvalidOperationException("no file descriptor")
                : Task.FromResult<(AgentReply, TimeSpan)?>(line is null ? null : (AgentReply.Parse(line), TimeSpan.Zero));
        }
    }

    private static async Task WaitForTimerAsync(FakeTimeProvider time)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (time.PendingTimers == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the agent loop never scheduled its next question");
            await Task.Delay(1);
        }
    }

    private static async Task<(List<TimeSpan> Calls, Proxy.Runtime.ServerState Server)> RunAsync(string server, int spread, double draw, params string?[] lines)
    {
        var backend = HealthRuntime.Backend("backend be\n server " + server + "\n server s2 127.0.0.1:1\n");
        var time = new FakeTimeProvider();
        var agent = new ScriptedAgent(time, lines);
        var d = backend.Servers[0].Definition;
        var checker = new ServerChecker(backend, backend.Servers[0], null, new CheckTiming(d.Inter ?? CheckTiming.DefaultInter, null, null, 0), time, () => draw, _ => { });
        var inter = d.AgentInter ?? d.Inter ?? CheckTiming.DefaultInter;
        var loop = new AgentChecker(checker, agent.AskAsync, new CheckTiming(inter, null, null, spread), time, () => draw);
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => loop.RunAsync(TimeSpan.FromMilliseconds(100), stop.Token));
        await WaitForTimerAsync(time);
        time.AdvanceToNextTimer();
        for (var i = 0; i < lines.Length; i++)
        {
            Assert.True(await agent.Asked.WaitAsync(TimeSpan.FromSeconds(5)), $"question {i + 1} never asked");
            if (i < lines.Length - 1)
            {
                await WaitForTimerAsync(time);
                time.AdvanceToNextTimer();
            }
        }

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
        return (agent.Calls, backend.Servers[0]);
    }

    private static double[] Gaps(List<TimeSpan> calls) => [.. calls.Zip(calls.Skip(1), (a, b) => (b - a).TotalMilliseconds)];

    [Fact]
    public async Task RunAsync_AgentInter_AskedOnItsOwnTimer()
    {
        var (calls, _) = await RunAsync("s1 127.0.0.1:1 check inter 2s fastinter 500 downinter 10s agent-check agent-port 2 agent-inter 700", 0, 0.5, "down\n", "down\n", "up\n", "up\n");

        Assert.Equal(100, calls[0].TotalMilliseconds);
        Assert.Equal([700, 700, 700], Gaps(calls));
    }

    [Fact]
    public async Task RunAsync_NoAgentInter_UsesInter()
    {
        var (calls, _) = await RunAsync("s1 127.0.0.1:1 inter 3s agent-check agent-port 2", 0, 0.5, "up\n", "up\n");

        Assert.Equal([3000], Gaps(calls));
    }

    [Fact]
    public async Task RunAsync_Spread_JittersAgentInter()
    {
        var (calls, _) = await RunAsync("s1 127.0.0.1:1 agent-check agent-port 2 agent-inter 1s", 50, 0.0, "up\n", "up\n");

        Assert.Equal([1500], Gaps(calls));
    }

    [Fact]
    public async Task RunAsync_NoAnswerOrProbeThrows_LoopGoesOnAndServerStays()
    {
        var (calls, server) = await RunAsync("s1 127.0.0.1:1 agent-check agent-port 2 agent-inter 1s", 0, 0.5, null, "!", null, "drain\n");

        Assert.Equal(4, calls.Count);
        Assert.Equal((true, Proxy.Runtime.ServerAdminState.Drain), (server.IsUsable, server.Admin));
    }

    [Fact]
    public async Task RunAsync_AgentSaysDown_ServerDown()
    {
        var (_, server) = await RunAsync("s1 127.0.0.1:1 agent-check agent-port 2 agent-inter 1s", 0, 0.5, "up\n", "stopped\n");

        Assert.False(server.IsUsable);
    }
}
