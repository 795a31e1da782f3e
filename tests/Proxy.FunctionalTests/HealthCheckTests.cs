using System.Diagnostics;
using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>
/// Health checks over real sockets: the proxy runs as a process, backends are stopped and started on their ports, and
/// the state changes are read from its stderr in haproxy 2.6's words.
/// </summary>
public class HealthCheckTests
{
    private const string Defaults = "defaults\n mode http\n timeout connect 1s\n timeout client 5s\n timeout server 5s\n";

    private static async Task WaitForAsync(ExternalProcess proxy, string text, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!proxy.Stderr.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < limit, $"'{text}' not seen within {limit}; stderr:\n{proxy.Stderr}");
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

        return [.. answers.Distinct().Order()];
    }

    [Fact]
    public async Task Checks_ServerStoppedAndRestarted_LeavesAfterFallAndRejoinsAfterRise()
    {
        var front = FreePort.Next();
        await using var a = new HealthBackend("a", FreePort.Next());
        await using var b = new HealthBackend("b", FreePort.Next());
        await using var c = new HealthBackend("c", FreePort.Next());
        await using var d = new HealthBackend("d", FreePort.Next());
        foreach (var backend in new[] { a, b, c, d })
        {
            backend.Start();
        }

        using var dir = new TempDirectory();
        var config = await dir.WriteAsync("h.cfg", Defaults +
            $"frontend fe\n bind 127.0.0.1:{front}\n default_backend be\n" +
            "backend be\n" +
            $" server a 127.0.0.1:{a.Port} check inter 100 rise 2 fall 3\n" +
            $" server b 127.0.0.1:{b.Port} check inter 100 rise 2 fall 3\n" +
            $" server c 127.0.0.1:{c.Port} check inter 100 backup\n" +
            $" server d 127.0.0.1:{d.Port} check inter 100 backup\n");
        using var proxy = ExternalProcess.StartProxy(["-f", config]);
        await PortWaiter.WaitAsync(front, proxy, TimeSpan.FromSeconds(30));
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        Assert.Equal(["a", "b"], await AnswersAsync(client, front, 6));

        var stopped = Stopwatch.StartNew();
        await a.StopAsync();
        await WaitForAsync(proxy, "Server be/a is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: ", TimeSpan.FromSeconds(10));
        // fall 3 at inter 100 ms: the third failed check comes at least two intervals after the first.
        Assert.InRange(stopped.ElapsedMilliseconds, 190, 10_000);
        Assert.Contains("ms. 1 active and 2 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.", proxy.Stderr);
        Assert.Equal(["b"], await AnswersAsync(client, front, 6));

        await b.StopAsync();
        await WaitForAsync(proxy, "ms. 0 active and 2 backup servers left. Running on backup. 0 sessions active, 0 requeued, 0 remaining in queue.", TimeSpan.FromSeconds(10));
        Assert.Equal(["c"], await AnswersAsync(client, front, 6));

        a.Start();
        await WaitForAsync(proxy, "Server be/a is UP, reason: Layer4 check passed, check duration: ", TimeSpan.FromSeconds(10));
        Assert.Contains("ms. 1 active and 2 backup servers online. 0 sessions requeued, 0 total in queue.", proxy.Stderr);
        Assert.Equal(["a"], await AnswersAsync(client, front, 6));
        Assert.DoesNotContain("has no server available", proxy.Stderr);
        Assert.Contains("[WARNING]  (", proxy.Stderr);
    }

    [Fact]
    public async Task Checks_HttpFailures_LogReasonCodeAndInfo()
    {
        var front = FreePort.Next();
        await using var status = new HealthBackend("status", FreePort.Next()) { Status = "503 Service Unavailable" };
        await using var body = new HealthBackend("body", FreePort.Next());
        await using var slow = new HealthBackend("slow", FreePort.Next()) { Delay = TimeSpan.FromSeconds(3) };
        foreach (var backend in new[] { status, body, slow })
        {
            backend.Start();
        }

        using var dir = new TempDirectory();
        var config = await dir.WriteAsync("h.cfg", Defaults +
            $"frontend fe\n bind 127.0.0.1:{front}\n default_backend sts\n" +
            $"backend sts\n option httpchk GET /health\n server s1 127.0.0.1:{status.Port} check inter 2000\n" +
            $"backend bdy\n option httpchk\n http-check send meth GET uri /health\n http-check expect string healthy\n server s1 127.0.0.1:{body.Port} check inter 2000\n" +
            $"backend tmo\n option httpchk GET /health\n timeout check 300\n server s1 127.0.0.1:{slow.Port} check inter 1000\n");
        using var proxy = ExternalProcess.StartProxy(["-f", config]);
        await PortWaiter.WaitAsync(front, proxy, TimeSpan.FromSeconds(30));

        await WaitForAsync(proxy, "Server sts/s1 is DOWN, reason: Layer7 wrong status, code: 503, info: \"Service Unavailable\", check duration: ", TimeSpan.FromSeconds(10));
        await WaitForAsync(proxy, "Server bdy/s1 is DOWN, reason: Layer7 invalid response, info: \"HTTP content check did not match\", check duration: ", TimeSpan.FromSeconds(10));
        await WaitForAsync(proxy, "Server tmo/s1 is DOWN, reason: Layer7 timeout, check duration: ", TimeSpan.FromSeconds(10));
        await WaitForAsync(proxy, "backend 'sts' has no server available!", TimeSpan.FromSeconds(10));

        var lines = proxy.Stderr.Split('\n');
        Assert.StartsWith("[ALERT]    (", lines.First(l => l.Contains("backend 'sts' has no server available!")));
        var timeout = lines.First(l => l.Contains("Server tmo/s1 is DOWN"));
        var duration = int.Parse(timeout.Split("check duration: ")[1].Split("ms")[0]);
        // timeout check 300: the read part is bounded by it, not by inter (1000 ms).
        Assert.InRange(duration, 290, 900);
    }
}
