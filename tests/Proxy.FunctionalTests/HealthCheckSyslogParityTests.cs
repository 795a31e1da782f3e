using System.Text.RegularExpressions;
using Proxy.FunctionalTests.Common;
using Proxy.FunctionalTests.Logging;

namespace Proxy.FunctionalTests;

/// <summary>
/// Side by side with Debian's haproxy 2.6: each sends its health lines to its own UDP syslog listener on 127.0.0.1;
/// for the same stop/start sequence both must send the same datagrams (priority and text; date, pid and durations masked).
/// </summary>
public partial class HealthCheckSyslogParityTests
{
    [GeneratedRegex(@"^<(\d+)>\w{3} [ \d]\d \d\d:\d\d:\d\d haproxy\[\d+\]: ")]
    private static partial Regex Header();

    [GeneratedRegex(@"check duration: \d+ms")]
    private static partial Regex Duration();

    private static string Config(int front, int log, int a, int c) =>
        $"defaults\n mode http\n log 127.0.0.1:{log} local0\n timeout connect 1s\n timeout client 5s\n timeout server 5s\n" +
        $"frontend fe\n bind 127.0.0.1:{front}\n default_backend be\n" +
        "backend be\n option log-health-checks\n" +
        $" server a 127.0.0.1:{a} check inter 300 rise 2 fall 2\n" +
        $" server c 127.0.0.1:{c} check inter 300 backup\n";

    private static string[] Masked(UdpLogListener listener) =>
    [
        .. listener.Datagrams
            .Where(d => d.Contains("be/", StringComparison.Ordinal) || d.Contains("no server available", StringComparison.Ordinal))
            .Select(d => Duration().Replace(Header().Replace(d.TrimEnd('\n'), "<$1>DATE haproxy[PID]: "), "check duration: Nms")),
    ];

    private static async Task BothSeeAsync(UdpLogListener haproxy, UdpLogListener proxy, string marker, int count)
    {
        var limit = TimeSpan.FromSeconds(15);
        var theirs = await haproxy.WaitForAsync(marker, count, limit);
        var ours = await proxy.WaitForAsync(marker, count, limit);
        Assert.True(theirs.Length >= count && ours.Length >= count,
            $"waiting for {count} '{marker}'\nhaproxy:\n{string.Join('\n', Masked(haproxy))}\nproxy:\n{string.Join('\n', Masked(proxy))}");
    }

    [RequiresHaproxyFact]
    public async Task StateChanges_SameSequence_SameSyslogDatagrams()
    {
        await using var a = new HealthBackend("a", FreePort.Next());
        await using var c = new HealthBackend("c", FreePort.Next());
        a.Start();
        c.Start();
        using var haproxyLog = new UdpLogListener();
        using var proxyLog = new UdpLogListener();
        var (haproxyPort, proxyPort) = (FreePort.Next(), FreePort.Next());
        using var dir = new TempDirectory();
        await dir.WriteAsync("haproxy.cfg", Config(haproxyPort, haproxyLog.Port, a.Port, c.Port));
        await dir.WriteAsync("proxy.cfg", Config(proxyPort, proxyLog.Port, a.Port, c.Port));
        using var haproxy = ExternalProcess.Start(Haproxy.Require(), ["-db", "-f", "haproxy.cfg"], dir.Path);
        using var proxy = ExternalProcess.StartProxy(["-f", "proxy.cfg"], dir.Path);
        await PortWaiter.WaitAsync(haproxyPort, haproxy, TimeSpan.FromSeconds(30));
        await PortWaiter.WaitAsync(proxyPort, proxy, TimeSpan.FromSeconds(30));

        // Both first checks must have passed before a server stops, or the sequences start differently.
        await BothSeeAsync(haproxyLog, proxyLog, "Health check for server be/a succeeded", 1);
        await BothSeeAsync(haproxyLog, proxyLog, "Health check for backup server be/c succeeded", 1);
        await a.StopAsync();
        await BothSeeAsync(haproxyLog, proxyLog, "Server be/a is DOWN", 1);
        await c.StopAsync();
        await BothSeeAsync(haproxyLog, proxyLog, "no server available", 1);
        a.Start();
        await BothSeeAsync(haproxyLog, proxyLog, "Server be/a is UP", 1);

        var theirs = Masked(haproxyLog);
        var ours = Masked(proxyLog);
        Assert.True(theirs.SequenceEqual(ours), $"haproxy:\n{string.Join('\n', theirs)}\nproxy:\n{string.Join('\n', ours)}");
        Assert.Contains("<128>DATE haproxy[PID]: backend be has no server available!", ours);
        Assert.Contains(ours, l => l.StartsWith("<129>DATE haproxy[PID]: Server be/a is DOWN.", StringComparison.Ordinal));
    }
}
