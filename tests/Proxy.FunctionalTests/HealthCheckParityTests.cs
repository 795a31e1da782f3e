using System.Diagnostics;
using System.Text.RegularExpressions;
using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>
/// Side by side with Debian's haproxy 2.6: both check the same backends through the same configuration, the test stops
/// and starts backends in the same order, and both must print the same state-change lines (pid and check durations masked).
/// </summary>
public partial class HealthCheckParityTests
{
    private static string Config(int front) =>
        "defaults\n mode http\n timeout connect 1s\n timeout client 5s\n timeout server 5s\n" +
        $"frontend fe\n bind 127.0.0.1:{front}\n default_backend be\n";

    [GeneratedRegex(@"\(\d+\) : ")]
    private static partial Regex Pid();

    [GeneratedRegex(@"check duration: \d+ms")]
    private static partial Regex Duration();

    // The state-change lines of one backend, in order, masked.
    private static string[] Lines(ExternalProcess process, string backend) =>
    [
        .. process.Stderr.Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Contains($"Server {backend}/", StringComparison.Ordinal) || l.Contains($"server {backend}/", StringComparison.Ordinal) || l.Contains($"'{backend}' has no server available!", StringComparison.Ordinal))
            .Select(l => Duration().Replace(Pid().Replace(l, "(PID) : "), "check duration: Nms")),
    ];

    private static async Task BothSeeAsync(ExternalProcess haproxy, ExternalProcess proxy, string backend, int count)
    {
        var clock = Stopwatch.StartNew();
        while (Lines(haproxy, backend).Length < count || Lines(proxy, backend).Length < count)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15),
                $"waiting for {count} '{backend}' lines\nhaproxy:\n{haproxy.Stderr}\nproxy:\n{proxy.Stderr}");
            await Task.Delay(20);
        }
    }

    [RequiresHaproxyFact]
    public async Task Checks_SameFailureSequence_SameStateChangeLines()
    {
        await using var a = new HealthBackend("a", FreePort.Next());
        await using var b = new HealthBackend("b", FreePort.Next());
        await using var c = new HealthBackend("c", FreePort.Next());
        await using var unavailable = new HealthBackend("u", FreePort.Next()) { Status = "503 Service Unavailable" };
        await using var notFound = new HealthBackend("n", FreePort.Next()) { Status = "404 Not Found" };
        foreach (var backend in new[] { a, b, c, unavailable, notFound })
        {
            backend.Start();
        }

        var backends =
            "backend be\n" +
            $" server a 127.0.0.1:{a.Port} check inter 300 rise 2 fall 3\n" +
            $" server b 127.0.0.1:{b.Port} check inter 300 rise 2 fall 3\n" +
            $" server c 127.0.0.1:{c.Port} check inter 300 backup\n" +
            $"backend sts\n option httpchk GET /health\n server s1 127.0.0.1:{unavailable.Port} check inter 2000\n" +
            $"backend bdy\n option httpchk\n http-check send meth GET uri /\n http-check expect string nothere\n server s1 127.0.0.1:{a.Port} check inter 2000\n" +
            $"backend lhc\n option log-health-checks\n server s1 127.0.0.1:{b.Port} check inter 300\n" +
            $"backend nf\n option httpchk GET /\n http-check disable-on-404\n server s1 127.0.0.1:{notFound.Port} check inter 2000\n";
        var (haproxyPort, proxyPort) = (FreePort.Next(), FreePort.Next());
        using var dir = new TempDirectory();
        await dir.WriteAsync("haproxy.cfg", Config(haproxyPort) + backends);
        await dir.WriteAsync("proxy.cfg", Config(proxyPort) + backends);
        using var haproxy = ExternalProcess.Start(Haproxy.Require(), ["-db", "-f", "haproxy.cfg"], dir.Path);
        using var proxy = ExternalProcess.StartProxy(["-f", "proxy.cfg"], dir.Path);
        await PortWaiter.WaitAsync(haproxyPort, haproxy, TimeSpan.FromSeconds(30));
        await PortWaiter.WaitAsync(proxyPort, proxy, TimeSpan.FromSeconds(30));

        await BothSeeAsync(haproxy, proxy, "sts", 2);
        await BothSeeAsync(haproxy, proxy, "bdy", 2);
        await BothSeeAsync(haproxy, proxy, "nf", 2);

        await a.StopAsync();
        await BothSeeAsync(haproxy, proxy, "be", 1);
        await b.StopAsync();
        await BothSeeAsync(haproxy, proxy, "be", 2);
        await BothSeeAsync(haproxy, proxy, "lhc", 6);
        await c.StopAsync();
        await BothSeeAsync(haproxy, proxy, "be", 4);
        a.Start();
        await BothSeeAsync(haproxy, proxy, "be", 5);

        foreach (var backend in new[] { "be", "sts", "bdy", "nf", "lhc" })
        {
            Assert.True(Lines(haproxy, backend).SequenceEqual(Lines(proxy, backend)),
                $"'{backend}' differs\nhaproxy:\n{string.Join('\n', Lines(haproxy, backend))}\nproxy:\n{string.Join('\n', Lines(proxy, backend))}");
        }

        Assert.Equal(
            "[WARNING]  (PID) : Server be/a is UP, reason: Layer4 check passed, check duration: Nms. 1 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.",
            Lines(proxy, "be")[4]);
    }
}
