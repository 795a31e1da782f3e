using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Proxy.FunctionalTests.Common;
using Proxy.FunctionalTests.Logging;

namespace Proxy.FunctionalTests;

/// <summary>
/// Access logs end to end: through a private rsyslogd (unix socket and UDP), side by side with haproxy 2.6 on the
/// same traffic, and read by Debian's halog.
/// </summary>
public sealed partial class LoggingTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task HttpLog_ToUdp_ExactHttplogLayout()
    {
        await using var backend = await TestBackend.StartAsync("s1");
        using var listener = new UdpLogListener();
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, backend.Port, $"log 127.0.0.1:{listener.Port} local0", "capture request header X-Marker len 8"));
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/udp-layout?x=1");
        request.Headers.Add("X-Marker", "abcdefghijk");

        using var response = await client.SendAsync(request);
        var lines = await listener.WaitForAsync("/udp-layout", 1, Limit);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var line = Assert.Single(lines);
        Assert.Matches(
            $@"^<134>\w{{3}} [ \d]\d \d\d:\d\d:\d\d haproxy\[{Environment.ProcessId}\]: 127\.0\.0\.1:\d+ \[\d\d/\w{{3}}/\d{{4}}:\d\d:\d\d:\d\d\.\d{{3}}\] fe be/s1 \d+/0/0/\d+/\d+ 200 \d+ - - ---- 1/1/0/\d/0 0/0 \{{abcdefgh\}} ""GET /udp-layout\?x=1 HTTP/1\.1""\n$",
            line);
    }

    [Fact]
    public async Task Rsyslog_UnixSocketAndUdp_LinesArriveWithFacilityAndLevel()
    {
        RequireRsyslog();
        using var dir = new TempDirectory();
        using var rsyslog = await Rsyslog.StartAsync(dir.Path);
        await using var backend = await TestBackend.StartAsync("s1");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(
            Config(port, backend.Port, $"log {rsyslog.SocketPath} local0", $"log 127.0.0.1:{rsyslog.UdpPort} local2 info", "option log-separate-errors"));
        using var client = new HttpClient();

        using var response = await client.GetAsync($"http://127.0.0.1:{port}/through-rsyslog");
        var lines = await rsyslog.WaitForLinesAsync("/through-rsyslog", 2, Limit);

        Assert.Equal(2, lines.Length);
        var layout = @" haproxy\[\d+\]: 127\.0\.0\.1:\d+ \[\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d\.\d{3}\] fe be/s1 \d+/0/0/\d+/\d+ 200 \d+ - - ---- 1/1/0/\d/0 0/0 ""GET /through-rsyslog HTTP/1\.1""$";
        Assert.Contains(lines, l => Regex.IsMatch(l, "^local0.info" + layout));
        Assert.Contains(lines, l => Regex.IsMatch(l, "^local2.info" + layout));
    }

    [Fact]
    public async Task Rsyslog_SeparateErrors_ServerErrorLoggedAtErr()
    {
        RequireRsyslog();
        using var dir = new TempDirectory();
        using var rsyslog = await Rsyslog.StartAsync(dir.Path);
        await using var backend = await TestBackend.StartAsync("s1", c =>
        {
            c.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        });
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, backend.Port, $"log {rsyslog.SocketPath} local0", "option log-separate-errors"));
        using var client = new HttpClient();

        using var response = await client.GetAsync($"http://127.0.0.1:{port}/fails");
        var line = Assert.Single(await rsyslog.WaitForLinesAsync("/fails", 1, Limit));

        Assert.StartsWith("local0.err haproxy[", line, StringComparison.Ordinal);
        Assert.Contains(" 500 ", line, StringComparison.Ordinal);
    }

    private static void RequireRsyslog()
    {
        if (Rsyslog.Binary is null)
        {
            Assert.Fail("rsyslogd is not installed (test.sh installs the rsyslog package)");
        }
    }

    private static string Config(int port, int serverPort, params string[] frontendLines) =>
        "defaults\n mode http\n option httplog\n timeout connect 2s\n timeout client 10s\n timeout server 10s\n" +
        $"frontend fe\n bind 127.0.0.1:{port}\n default_backend be\n" + string.Concat(frontendLines.Select(l => $" {l}\n")) +
        $"backend be\n server s1 127.0.0.1:{serverPort}\n";
}
