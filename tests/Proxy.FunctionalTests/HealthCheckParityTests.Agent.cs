using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>`agent-check` side by side: haproxy 2.6 and the proxy each ask their own agents, which switch words in step.</summary>
public partial class HealthCheckParityTests
{
    // One agent per balancer, so a step waits until each of them heard the new word.
    private sealed class AgentPair(int haproxyPort, int proxyPort) : IAsyncDisposable
    {
        public HealthAgent Haproxy { get; } = new(haproxyPort);

        public HealthAgent Proxy { get; } = new(proxyPort);

        public Task SayAsync(string word, int askers = 1) => Task.WhenAll(Haproxy.SayAsync(word, askers), Proxy.SayAsync(word, askers));

        public async ValueTask DisposeAsync()
        {
            await Haproxy.DisposeAsync();
            await Proxy.DisposeAsync();
        }
    }

    // haproxy 2.6 connects an agent without `agent-send` with delayed ACKs, so the agent accepts it only some 200 ms
    // later: `timeout check` gives the reply time (without it, `agent-inter 100` would expire every question).
    private static string AgentBackends(int web, int be, int solo, int chk) =>
        "backend be\n timeout check 2s\n" +
        $" server s1 127.0.0.1:{web} weight 10 agent-check agent-port {be} agent-inter 100\n" +
        $" server s2 127.0.0.1:{web} weight 10\n" +
        "backend solo\n timeout check 2s\n" +
        $" server s1 127.0.0.1:{web} agent-check agent-port {solo} agent-inter 100\n" +
        "backend chk\n" +
        $" server s1 127.0.0.1:{web} check inter 200 agent-check agent-port {chk} agent-inter 100 agent-send \"hello\\n\"\n" +
        $" server s2 127.0.0.1:{web} backup\n";

    [RequiresHaproxyFact]
    public async Task Agent_SameWordSequence_SameStateChangeLines()
    {
        await using var web = new HealthBackend("w", FreePort.Next());
        web.Start();
        await using var be = new AgentPair(FreePort.Next(), FreePort.Next());
        await using var solo = new AgentPair(FreePort.Next(), FreePort.Next());
        await using var chk = new AgentPair(FreePort.Next(), FreePort.Next());
        var (haproxyPort, proxyPort) = (FreePort.Next(), FreePort.Next());
        using var dir = new TempDirectory();
        await dir.WriteAsync("haproxy.cfg", Config(haproxyPort) + AgentBackends(web.Port, be.Haproxy.Port, solo.Haproxy.Port, chk.Haproxy.Port));
        await dir.WriteAsync("proxy.cfg", Config(proxyPort) + AgentBackends(web.Port, be.Proxy.Port, solo.Proxy.Port, chk.Proxy.Port));
        using var haproxy = ExternalProcess.Start(Haproxy.Require(), ["-db", "-f", "haproxy.cfg"], dir.Path);
        using var proxy = ExternalProcess.StartProxy(["-f", "proxy.cfg"], dir.Path);
        await PortWaiter.WaitAsync(haproxyPort, haproxy, TimeSpan.FromSeconds(30));
        await PortWaiter.WaitAsync(proxyPort, proxy, TimeSpan.FromSeconds(30));

        // Each step waits for both to print its lines (the count so far) before the next word; a weight of 0 that empties
        // the backend prints the backend's alert alone.
        (string Word, int Lines)[] beSteps =
        [
            ("down\n", 1), ("up\n", 2), ("drain\n", 3), ("ready\n", 4), ("maint\n", 5), ("ready\n", 6), ("fail # x y\n", 7), ("up\n", 8),
            ("stopped\n", 9), ("50%\n", 9), ("drain\n", 10), ("ready\n", 11), ("up\n", 12),
        ];
        (string Word, int Lines)[] soloSteps = [("drain\n", 2), ("ready\n", 3), ("maint\n", 5), ("down\n", 5), ("ready\n", 6), ("up\n", 7), ("0%\n", 8), ("100%\n", 8), ("up\n", 8)];
        (string Word, int Lines)[] chkSteps = [("maint\n", 1), ("ready\n", 2), ("down\n", 3), ("drain\n", 4), ("ready\n", 5), ("up\n", 6)];
        foreach (var (agents, name, steps) in new[] { (be, "be", beSteps), (solo, "solo", soloSteps), (chk, "chk", chkSteps) })
        {
            foreach (var (word, count) in steps)
            {
                await agents.SayAsync(word);
                await BothSeeAsync(haproxy, proxy, name, count);
            }
        }

        foreach (var backend in new[] { "be", "solo", "chk" })
        {
            Assert.True(Lines(haproxy, backend).SequenceEqual(Lines(proxy, backend)),
                $"'{backend}' differs\nhaproxy:\n{string.Join('\n', Lines(haproxy, backend))}\nproxy:\n{string.Join('\n', Lines(proxy, backend))}");
        }

        Assert.Equal(
            "[WARNING]  (PID) : Server be/s1 is DOWN, reason: Layer7 wrong status, code: 0, info: \"via agent : fail (x y)\", check duration: Nms. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.",
            Lines(proxy, "be")[6]);
    }
}
