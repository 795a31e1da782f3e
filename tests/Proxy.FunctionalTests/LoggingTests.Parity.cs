using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Proxy.FunctionalTests.Common;
using Proxy.FunctionalTests.Logging;

namespace Proxy.FunctionalTests;

/// <summary>The same traffic through haproxy 2.6 and through the proxy gives the same httplog lines and the same halog report.</summary>
public sealed partial class LoggingTests
{
    private const string Halog = "/usr/sbin/halog";

    [RequiresHaproxyFact]
    public async Task SideBySide_SameRequests_SameLinesAfterMaskingAndSameHalogCounts()
    {
        await using var backend = await TestBackend.StartAsync("s1", async c =>
        {
            c.Response.StatusCode = c.Request.Path.StartsWithSegments("/missing") ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
            c.Response.ContentType = "text/plain";
            var body = Encoding.ASCII.GetBytes($"body of {c.Request.Path}\n");
            c.Response.ContentLength = body.Length;
            await c.Response.Body.WriteAsync(body);
        });
        using var haproxyLog = new UdpLogListener();
        using var proxyLog = new UdpLogListener();
        var (haproxyPort, proxyPort) = (FreePort.Next(), FreePort.Next());
        using var dir = new TempDirectory();
        string Cfg(int port, int logPort) =>
            $"global\n log 127.0.0.1:{logPort} local0\n" +
            Config(port, backend.Port, "log global", "capture request header User-Agent len 10", "capture response header Content-Type len 20");
        await dir.WriteAsync("h.cfg", Cfg(haproxyPort, haproxyLog.Port));
        await dir.WriteAsync("p.cfg", Cfg(proxyPort, proxyLog.Port));
        using var haproxy = ExternalProcess.Start(Haproxy.Require(), ["-db", "-f", "h.cfg"], dir.Path);
        using var proxy = ExternalProcess.StartProxy(["-f", "p.cfg"], dir.Path);
        await PortWaiter.WaitAsync(haproxyPort, haproxy, Limit);
        await PortWaiter.WaitAsync(proxyPort, proxy, Limit);
        string[] paths = [.. Enumerable.Range(0, 12).Select(i => i % 4 == 3 ? $"/missing/{i}" : $"/ok/{i}?q={i}")];

        foreach (var port in new[] { haproxyPort, proxyPort })
        {
            using var client = new HttpClient();
            client.DefaultRequestHeaders.UserAgent.ParseAdd("parity-test/1.0");
            foreach (var path in paths)
            {
                using var response = await client.GetAsync($"http://127.0.0.1:{port}{path}");
            }
        }

        var expected = await haproxyLog.WaitForAsync("HTTP/1.1\"", paths.Length, Limit);
        var actual = await proxyLog.WaitForAsync("HTTP/1.1\"", paths.Length, Limit);

        Assert.Equal(paths.Length, expected.Length);
        Assert.Equal(string.Concat(expected.Select(Mask)), string.Concat(actual.Select(Mask)));
        Assert.Equal(await HalogAsync(dir, "-st", expected), await HalogAsync(dir, "-st", actual));
        Assert.Equal(await HalogAsync(dir, "-srv", expected, countColumnsOnly: true), await HalogAsync(dir, "-srv", actual, countColumnsOnly: true));
    }

    // pid, dates, client ports and timers differ between two runs; everything else must not.
    private static string Mask(string line)
    {
        line = Regex.Replace(line, @"^<(\d+)>\w{3} [ \d]\d \d\d:\d\d:\d\d haproxy\[\d+\]: ", "<$1>DATE haproxy[PID]: ");
        line = Regex.Replace(line, @"^(<\d+>DATE haproxy\[PID\]: 127\.0\.0\.1):\d+ \[[^\]]+\]", "$1:PORT [DATE]");
        return Regex.Replace(line, @" (-?\d+)/(-?\d+)/(-?\d+)/(-?\d+)/(-?\d+) (\d{3}) ",
            m => " " + string.Join("/", Enumerable.Range(1, 5).Select(i => m.Groups[i].Value == "-1" ? "-1" : "T")) + $" {m.Groups[6].Value} ");
    }

    // halog reads syslog files as a syslog daemon writes them ("Mmm dd hh:mm:ss host tag[pid]: message").
    private static async Task<string> HalogAsync(TempDirectory dir, string option, string[] datagrams, bool countColumnsOnly = false)
    {
        Assert.True(File.Exists(Halog), "halog is shipped with Debian's haproxy package");
        var file = Path.Combine(dir.Path, $"halog-{Guid.NewGuid():N}.log");
        await File.WriteAllLinesAsync(file, datagrams.Select(d => Regex.Replace(d.TrimEnd('\n'), @"^<\d+>(\w{3} [ \d]\d \d\d:\d\d:\d\d) ", "$1 localhost ")));
        var (exitCode, stdout, _) = await ExternalProcess.RunAsync("/bin/sh", ["-c", $"{Halog} {option} < '{file}'"]);
        Assert.Equal(0, exitCode);
        Assert.NotEmpty(stdout.Trim());
        // -srv ends each line with averages of timers (avg_ct avg_rt), which differ between runs.
        return countColumnsOnly ? string.Join("\n", stdout.Split('\n').Select(l => string.Join(' ', l.Split(' ').SkipLast(2)))) : stdout;
    }
}
