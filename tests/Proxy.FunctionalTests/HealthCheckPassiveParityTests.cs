using System.Diagnostics;
using System.Text.RegularExpressions;
using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>
/// Side by side with Debian's haproxy 2.6: passive health (`observe`) on live traffic. A layer7 server answering 503
/// and a layer4 server refusing connections (both with a passing check port) must go DOWN with the same lines.
/// </summary>
public partial class HealthCheckPassiveParityTests
{
    [GeneratedRegex(@"\(\d+\) : ")]
    private static partial Regex Pid();

    private static string Config(int front, int unavailable, int refused, int checkPort) =>
        "defaults\n mode http\n timeout connect 1s\n timeout client 5s\n timeout server 5s\n" +
        $"frontend fe\n bind 127.0.0.1:{front}\n default_backend be\n" +
        "backend be\n" +
        $" server s1 127.0.0.1:{unavailable} check inter 10s port {checkPort} observe layer7 error-limit 2 on-error mark-down\n" +
        $" server s2 127.0.0.1:{refused} check inter 10s port {checkPort} observe layer4 error-limit 2 on-error fail-check\n";

    private static string[] Lines(ExternalProcess process, string server) =>
    [
        .. process.Stderr.Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Contains($"Server be/{server} ", StringComparison.Ordinal))
            .Select(l => Pid().Replace(l, "(PID) : ")),
    ];

    private static async Task DriveUntilDownAsync(int port, ExternalProcess process)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (Lines(process, "s1").Length == 0 || Lines(process, "s2").Length == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"no passive DOWN lines\n{process.Stderr}");
            using var _ = await client.GetAsync($"http://127.0.0.1:{port}/");
        }
    }

    [RequiresHaproxyFact]
    public async Task Observe_ErrorsInTraffic_SameDownLines()
    {
        await using var checkTarget = new HealthBackend("ok", FreePort.Next());
        await using var unavailable = new HealthBackend("u", FreePort.Next()) { Status = "503 Service Unavailable" };
        checkTarget.Start();
        unavailable.Start();
        var refused = FreePort.Next();
        var (haproxyPort, proxyPort) = (FreePort.Next(), FreePort.Next());
        using var dir = new TempDirectory();
        await dir.WriteAsync("haproxy.cfg", Config(haproxyPort, unavailable.Port, refused, checkTarget.Port));
        await dir.WriteAsync("proxy.cfg", Config(proxyPort, unavailable.Port, refused, checkTarget.Port));
        using var haproxy = ExternalProcess.Start(Haproxy.Require(), ["-db", "-f", "haproxy.cfg"], dir.Path);
        using var proxy = ExternalProcess.StartProxy(["-f", "proxy.cfg"], dir.Path);
        await PortWaiter.WaitAsync(haproxyPort, haproxy, TimeSpan.FromSeconds(30));
        await PortWaiter.WaitAsync(proxyPort, proxy, TimeSpan.FromSeconds(30));

        await DriveUntilDownAsync(haproxyPort, haproxy);
        await DriveUntilDownAsync(proxyPort, proxy);

        Assert.StartsWith(
            "[WARNING]  (PID) : Server be/s1 is DOWN, reason: Health analyze, info: \"Detected 2 consecutive errors, last one was: Wrong http response\".",
            Lines(proxy, "s1")[0]);
        Assert.StartsWith(
            "[WARNING]  (PID) : Server be/s2 is DOWN, reason: Health analyze, info: \"Detected 2 consecutive errors, last one was: L4 unsuccessful connection\".",
            Lines(proxy, "s2")[0]);
        foreach (var server in new[] { "s1", "s2" })
        {
            // The servers-left counts depend on which went first; the reason part must match exactly.
            Assert.Equal(Lines(haproxy, server)[0].Split(". ")[0], Lines(proxy, server)[0].Split(". ")[0]);
        }
    }
}
