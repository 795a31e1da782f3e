using System.Diagnostics;
using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>
/// `agent-check` over real sockets: the test serves the agent and switches its word; traffic through the proxy follows
/// and the state changes appear on stderr in haproxy 2.6's words.
/// </summary>
public class HealthCheckAgentTests
{
    private const string Defaults = "defaults\n mode http\n timeout connect 1s\n timeout client 5s\n timeout server 5s\n";

    private static async Task WaitForAsync(ExternalProcess proxy, string text)
    {
        var clock = Stopwatch.StartNew();
        while (!proxy.Stderr.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"'{text}' not seen; stderr:\n{proxy.Stderr}");
            Assert.False(proxy.HasExited, $"the proxy exited; stderr:\n{proxy.Stderr}");
            await Task.Delay(20);
        }
    }

    private static async Task<string[]> AnswersAsync(HttpClient client, int port, int count)
    {
        var answers = new List<string>();
        for (var i = 0; i < count; i++)
        {
            answers.Add(await client.GetStringAsync($"http://127.0.0.1:{port}/"));
        }

        return [.. answers];
    }

    [Fact]
    public async Task Agent_DownUpDrainReadyMaintReadyHalf_TrafficAndLinesFollow()
    {
        var front = FreePort.Next();
        await using var a = new HealthBackend("a", FreePort.Next());
        await using var b = new HealthBackend("b", FreePort.Next());
        a.Start();
        b.Start();
        await using var agent = new HealthAgent(FreePort.Next());
        using var dir = new TempDirectory();
        var config = await dir.WriteAsync("h.cfg", Defaults +
            $"frontend fe\n bind 127.0.0.1:{front}\n default_backend be\n" +
            "backend be\n" +
            $" server a 127.0.0.1:{a.Port} weight 10 agent-check agent-port {agent.Port} agent-inter 100\n" +
            $" server b 127.0.0.1:{b.Port} weight 10\n");
        using var proxy = ExternalProcess.StartProxy(["-f", config]);
        await PortWaiter.WaitAsync(front, proxy, TimeSpan.FromSeconds(30));
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        Assert.Equal(["a", "b"], (await AnswersAsync(client, front, 6)).Distinct().Order());

        await agent.SayAsync("down\n");
        await WaitForAsync(proxy, "Server be/a is DOWN, reason: Layer7 wrong status, code: 0, info: \"via agent : down\", check duration: ");
        Assert.Contains("ms. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.", proxy.Stderr);
        Assert.Equal(["b"], (await AnswersAsync(client, front, 6)).Distinct());

        await agent.SayAsync("up\n");
        await WaitForAsync(proxy, "Server be/a is UP, reason: Layer7 check passed, code: 0, info: \"via agent : up\", check duration: ");
        Assert.Contains("ms. 2 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.", proxy.Stderr);
        Assert.Equal(["a", "b"], (await AnswersAsync(client, front, 6)).Distinct().Order());

        await agent.SayAsync("drain\n");
        await WaitForAsync(proxy, "Server be/a enters drain state. 1 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.");
        Assert.Equal(["b"], (await AnswersAsync(client, front, 6)).Distinct());

        await agent.SayAsync("ready\n");
        await WaitForAsync(proxy, "Server be/a is UP (leaving forced drain).");
        Assert.Equal(["a", "b"], (await AnswersAsync(client, front, 6)).Distinct().Order());

        await agent.SayAsync("maint\n");
        await WaitForAsync(proxy, "Server be/a is going DOWN for maintenance. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.");
        Assert.Equal(["b"], (await AnswersAsync(client, front, 6)).Distinct());

        await agent.SayAsync("ready\n");
        await WaitForAsync(proxy, "Server be/a is UP/READY (leaving forced maintenance).");

        await agent.SayAsync("50%\n", askers: 2);
        var answers = await AnswersAsync(client, front, 300);
        // a at 5 against b at 10: a third of the requests.
        Assert.InRange(answers.Count(n => n == "a"), 90, 110);
        Assert.Equal(6, proxy.Stderr.Split('\n').Count(l => l.Contains("Server be/a ", StringComparison.Ordinal)));
    }
}
