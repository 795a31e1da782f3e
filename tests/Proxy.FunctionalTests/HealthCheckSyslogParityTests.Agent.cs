using Proxy.FunctionalTests.Common;
using Proxy.FunctionalTests.Logging;

namespace Proxy.FunctionalTests;

/// <summary>`agent-check` over syslog: the same agent words must reach both listeners at the same priorities.</summary>
public partial class HealthCheckSyslogParityTests
{
    private static string AgentConfig(int front, int log, int web, int agent) =>
        $"defaults\n mode http\n log 127.0.0.1:{log} local0\n timeout connect 1s\n timeout client 5s\n timeout server 5s\n" +
        $"frontend fe\n bind 127.0.0.1:{front}\n default_backend be\n" +
        "backend be\n timeout check 2s\n" +
        $" server a 127.0.0.1:{web} agent-check agent-port {agent} agent-inter 100\n" +
        $" server b 127.0.0.1:{web}\n";

    [RequiresHaproxyFact]
    public async Task Agent_SameWords_SameSyslogDatagrams()
    {
        await using var web = new HealthBackend("w", FreePort.Next());
        web.Start();
        await using var haproxyAgent = new HealthAgent(FreePort.Next());
        await using var proxyAgent = new HealthAgent(FreePort.Next());
        using var haproxyLog = new UdpLogListener();
        using var proxyLog = new UdpLogListener();
        var (haproxyPort, proxyPort) = (FreePort.Next(), FreePort.Next());
        using var dir = new TempDirectory();
        await dir.WriteAsync("haproxy.cfg", AgentConfig(haproxyPort, haproxyLog.Port, web.Port, haproxyAgent.Port));
        await dir.WriteAsync("proxy.cfg", AgentConfig(proxyPort, proxyLog.Port, web.Port, proxyAgent.Port));
        using var haproxy = ExternalProcess.Start(Haproxy.Require(), ["-db", "-f", "haproxy.cfg"], dir.Path);
        using var proxy = ExternalProcess.StartProxy(["-f", "proxy.cfg"], dir.Path);
        await PortWaiter.WaitAsync(haproxyPort, haproxy, TimeSpan.FromSeconds(30));
        await PortWaiter.WaitAsync(proxyPort, proxy, TimeSpan.FromSeconds(30));

        (string Word, string Marker, int Count)[] steps =
        [
            ("down\n", "is DOWN", 1), ("up\n", "is UP,", 1), ("drain\n", "enters drain state", 1), ("down\n", "is DOWN", 2),
            ("ready\n", "leaving forced drain", 1), ("maint\n", "now enters maintenance", 1), ("ready\n", "DOWN/READY", 1),
            ("up\n", "is UP,", 2), ("maint\n", "going DOWN for maintenance", 1), ("ready\n", "UP/READY", 1),
        ];
        foreach (var (word, marker, count) in steps)
        {
            await Task.WhenAll(haproxyAgent.SayAsync(word), proxyAgent.SayAsync(word));
            await BothSeeAsync(haproxyLog, proxyLog, marker, count);
        }

        var theirs = Masked(haproxyLog);
        var ours = Masked(proxyLog);
        Assert.True(theirs.SequenceEqual(ours), $"haproxy:\n{string.Join('\n', theirs)}\nproxy:\n{string.Join('\n', ours)}");
    }
}
