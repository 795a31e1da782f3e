using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>`option tcp-check` side by side: redis-like servers switch answers, both balancers must log the same reasons.</summary>
public partial class HealthCheckParityTests
{
    // `timeout check 2s`: the test's servers answer from the test process's thread pool, which a busy CI run can hold
    // up past the 500 ms `inter`; no step here is about a timeout, so a slow answer must not turn into one.
    private static string TcpCheckBackends(int redis, int commented) =>
        "backend redis\n timeout check 2s\n option tcp-check\n tcp-check send PING\\r\\n\n tcp-check expect string +PONG\n" +
        $" server s1 127.0.0.1:{redis} check inter 500 rise 1 fall 1\n" +
        "backend cmt\n timeout check 2s\n option tcp-check\n tcp-check comment \"ping step\"\n tcp-check send-binary 50494e470d0a\n" +
        " tcp-check comment \"pong step\"\n tcp-check expect ! string ERR\n tcp-check expect rstring ^\\+PO.G\n" +
        $" server s1 127.0.0.1:{commented} check inter 500 rise 1 fall 1\n";

    [RequiresHaproxyFact]
    public async Task TcpCheck_RedisAnswersSwitch_SameStateChangeLines()
    {
        await using var redis = new AgentPair(FreePort.Next(), FreePort.Next());
        await using var commented = new AgentPair(FreePort.Next(), FreePort.Next());
        redis.Haproxy.Reply = redis.Proxy.Reply = commented.Haproxy.Reply = commented.Proxy.Reply = "+PONG\r\n";
        var (haproxyPort, proxyPort) = (FreePort.Next(), FreePort.Next());
        using var dir = new TempDirectory();
        await dir.WriteAsync("haproxy.cfg", Config(haproxyPort) + "backend be\n server s1 127.0.0.1:1\n" + TcpCheckBackends(redis.Haproxy.Port, commented.Haproxy.Port));
        await dir.WriteAsync("proxy.cfg", Config(proxyPort) + "backend be\n server s1 127.0.0.1:1\n" + TcpCheckBackends(redis.Proxy.Port, commented.Proxy.Port));
        using var haproxy = ExternalProcess.Start(Haproxy.Require(), ["-db", "-f", "haproxy.cfg"], dir.Path);
        using var proxy = ExternalProcess.StartProxy(["-f", "proxy.cfg"], dir.Path);
        await PortWaiter.WaitAsync(haproxyPort, haproxy, TimeSpan.FromSeconds(30));
        await PortWaiter.WaitAsync(proxyPort, proxy, TimeSpan.FromSeconds(30));
        await Task.WhenAll(redis.SayAsync("+PONG\r\n", askers: 3), commented.SayAsync("+PONG\r\n", askers: 3));

        // A first check may time out while the test's servers warm up: only the lines after a settled start compare.
        (string Answer, int Lines)[] redisSteps = [("-ERR nope\r\n", 2), ("+PONG\r\n", 3), ("", 5), ("+PONG\r\n", 6)];
        (string Answer, int Lines)[] commentedSteps = [("-ERR nope\r\n", 2), ("+PONG\r\n", 3), ("+PING\r\n", 5), ("+PONG\r\n", 6)];
        var tails = new Dictionary<string, (string[] Haproxy, string[] Proxy)>();
        foreach (var (servers, name, steps) in new[] { (redis, "redis", redisSteps), (commented, "cmt", commentedSteps) })
        {
            var (fromHaproxy, fromProxy) = (Lines(haproxy, name).Length, Lines(proxy, name).Length);
            foreach (var (answer, count) in steps)
            {
                await servers.SayAsync(answer);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                while (Lines(haproxy, name).Length < fromHaproxy + count || Lines(proxy, name).Length < fromProxy + count)
                {
                    Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"waiting for '{name}' lines\nhaproxy:\n{haproxy.Stderr}\nproxy:\n{proxy.Stderr}");
                    await Task.Delay(20);
                }
            }

            tails[name] = ([.. Lines(haproxy, name).Skip(fromHaproxy)], [.. Lines(proxy, name).Skip(fromProxy)]);
        }

        foreach (var (backend, (fromHaproxy, fromProxy)) in tails)
        {
            Assert.True(fromHaproxy.SequenceEqual(fromProxy),
                $"'{backend}' differs\nhaproxy:\n{string.Join('\n', fromHaproxy)}\nproxy:\n{string.Join('\n', fromProxy)}");
        }

        Assert.Equal(
            "[WARNING]  (PID) : Server redis/s1 is DOWN, reason: Layer7 invalid response, info: \"TCPCHK did not match content '+PONG' at step 2\", check duration: Nms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.",
            tails["redis"].Proxy[0]);
    }
}
