using System.Text.RegularExpressions;
using Proxy.FunctionalTests.Common;
using Proxy.FunctionalTests.Logging;

namespace Proxy.FunctionalTests;

/// <summary>SIGUSR1 (soft stop): both processes exit and send the same "Proxy X stopped" warnings to the global log.</summary>
public sealed partial class LoggingTests
{
    [RequiresHaproxyFact]
    public async Task SideBySide_SoftStop_SameStoppedLines()
    {
        // A server that closes its connections: haproxy 2.6 does not report a backend still holding an idle one.
        await using var backend = await TestBackend.StartAsync("s1", c =>
        {
            c.Response.Headers.Connection = "close";
            return Task.CompletedTask;
        });
        using var haproxyLog = new UdpLogListener();
        using var proxyLog = new UdpLogListener();
        var (haproxyPort, proxyPort) = (FreePort.Next(), FreePort.Next());
        using var dir = new TempDirectory();
        string Cfg(int port, int logPort) =>
            $"global\n log 127.0.0.1:{logPort} local0\n" + Config(port, backend.Port, "log global") +
            $"listen both\n bind 127.0.0.1:{FreePort.Next()}\n log global\n server s1 127.0.0.1:{backend.Port}\n";
        await dir.WriteAsync("h.cfg", Cfg(haproxyPort, haproxyLog.Port));
        await dir.WriteAsync("p.cfg", Cfg(proxyPort, proxyLog.Port));
        using var haproxy = ExternalProcess.Start(Haproxy.Require(), ["-db", "-f", "h.cfg"], dir.Path);
        using var proxy = ExternalProcess.StartProxy(["-f", "p.cfg"], dir.Path);
        await PortWaiter.WaitAsync(haproxyPort, haproxy, Limit);
        await PortWaiter.WaitAsync(proxyPort, proxy, Limit);

        var lines = new List<string[]>();
        foreach (var (port, process, log) in new[] { (haproxyPort, haproxy, haproxyLog), (proxyPort, proxy, proxyLog) })
        {
            using (var client = new HttpClient())
            {
                using var response = await client.GetAsync($"http://127.0.0.1:{port}/before-stop");
            }

            await log.WaitForAsync("/before-stop", 1, Limit);
            var (killed, _, _) = await ExternalProcess.RunAsync("kill", ["-USR1", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            Assert.Equal(0, killed);
            await process.WaitForExitAsync(Limit);
            // haproxy 2.6 sometimes exits before reporting a backend-only proxy: its last line is <HTTPCLIENT>'s.
            await log.WaitForAsync("Proxy <HTTPCLIENT> stopped", 1, Limit);
            lines.Add([.. log.Datagrams.Where(l => l.Contains("stopped (cumulated", StringComparison.Ordinal)).Select(l => Regex.Replace(l, @"^<(\d+)>.*?haproxy\[\d+\]: ", "<$1>"))]);
        }

        // FE counts the readiness probe's connection too. Measured with haproxy 2.6.12 (when it reports all four).
        Assert.Equal(
            ["<132>Proxy fe stopped (cumulated conns: FE: 2, BE: 0).\n", "<132>Proxy both stopped (cumulated conns: FE: 0, BE: 0).\n",
             "<132>Proxy be stopped (cumulated conns: FE: 0, BE: 1).\n", "<132>Proxy <HTTPCLIENT> stopped (cumulated conns: FE: 0, BE: 0).\n"],
            lines[1]);
        Assert.Equal(lines[0], lines[1].Intersect(lines[0]));
    }
}
