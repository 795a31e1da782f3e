using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>
/// The failures of the matrix side by side with Debian's haproxy 2.6: the same configuration, the same misbehaving
/// servers; the status line, the error page, the termination state and the retries field of haproxy's own log
/// line must match what this proxy sends and records.
/// </summary>
public partial class FailureParityTests
{
    [RequiresHaproxyFact]
    public async Task Failures_SameStatusBodyTerminationStateAndRetriesAsHaproxy()
    {
        await using var silent = MisbehavingServer.Silent();
        await using var resetting = MisbehavingServer.ResetAfter("HTTP/1.1 200 OK\r\nContent-Le");
        var release = new TaskCompletionSource();
        await using var slow = await TestBackend.StartAsync("slow", async context =>
        {
            await release.Task;
            await context.Response.WriteAsync("done");
        });
        var closed = FreePort.Next();
        var haproxyPorts = Enumerable.Range(0, 5).Select(_ => FreePort.Next()).ToArray();
        var proxyPorts = Enumerable.Range(0, 5).Select(_ => FreePort.Next()).ToArray();
        string Config(int[] ports) =>
            "global\n log stdout format raw local0\n" +
            "defaults\n mode http\n log global\n option httplog\n timeout connect 200ms\n timeout client 10s\n timeout server 10s\n" +
            Listen("refused", ports[0], $" server s1 127.0.0.1:{closed}\n") +
            Listen("silent", ports[1], $" timeout server 300ms\n server s1 127.0.0.1:{silent.Port}\n") +
            Listen("reset", ports[2], $" server s1 127.0.0.1:{resetting.Port}\n") +
            Listen("nosrv", ports[3], " balance roundrobin\n") +
            Listen("queue", ports[4], $" timeout queue 300ms\n server s1 127.0.0.1:{slow.Port} maxconn 1\n");
        using var dir = new TempDirectory();
        await dir.WriteAsync("h.cfg", Config(haproxyPorts));
        using var haproxy = ExternalProcess.Start(Haproxy.Require(), ["-db", "-f", "h.cfg"], dir.Path);
        var recorder = new OutcomeRecorder();
        await using var proxy = await InProcessProxy.StartAsync(Config(proxyPorts), observer: recorder);
        await PortWaiter.WaitAsync(haproxyPorts[0], haproxy, TimeSpan.FromSeconds(30));

        string[] paths = ["/refused", "/silent", "/reset", "/nosrv"];
        for (var i = 0; i < paths.Length; i++)
        {
            var (expected, haproxyTime) = await TimedGetAsync(haproxyPorts[i], paths[i]);
            var (actual, proxyTime) = await TimedGetAsync(proxyPorts[i], paths[i]);
            Assert.Equal(StatusAndBody(expected), StatusAndBody(actual));
            // Bounded timing parity: both wait out the same turn-arounds and timeouts (within a generous margin).
            Assert.True(proxyTime > haproxyTime * 0.7 - TimeSpan.FromMilliseconds(50), $"{paths[i]}: haproxy {haproxyTime}, proxy {proxyTime}");
        }

        // Queue: one request holds the only slot; the next waits out timeout queue.
        var holders = new[] { RawGetAsync(haproxyPorts[4], "/holder"), RawGetAsync(proxyPorts[4], "/holder") };
        await WaitUntilAsync(() => slow.Received.Count == 2);
        var queuedExpected = await RawGetAsync(haproxyPorts[4], "/queued");
        var queuedActual = await RawGetAsync(proxyPorts[4], "/queued");
        release.SetResult();
        await Task.WhenAll(holders);
        Assert.Equal(StatusAndBody(queuedExpected), StatusAndBody(queuedActual));

        foreach (var path in paths.Append("/queued"))
        {
            var outcome = await recorder.ForAsync(path);
            var logged = await LoggedAsync(haproxy, path);
            Assert.Equal(logged, (outcome.TerminationState, (outcome.Redispatched ? "+" : "") + outcome.Retries));
        }
    }

    private static string Listen(string name, int port, string body) => $"listen {name}\n bind 127.0.0.1:{port}\n{body}";

    // haproxy's httplog line: "... SC-- 1/1/0/0/3 0/0 \"GET /refused HTTP/1.1\"": termination state and retries.
    private static async Task<(string, string)> LoggedAsync(ExternalProcess haproxy, string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            foreach (Match match in LogLine().Matches(haproxy.Stdout))
            {
                if (match.Groups["path"].Value == path)
                {
                    return (match.Groups["ts"].Value, match.Groups["retries"].Value);
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"haproxy logged nothing for {path}: {haproxy.Stdout}");
            await Task.Delay(20);
        }
    }

    [GeneratedRegex("""(?<ts>\S\S)\S\S \d+/\d+/\d+/\d+/(?<retries>\+?\d+) \d+/\d+ "GET (?<path>\S+) """)]
    private static partial Regex LogLine();

    // The reason phrase is left out: HAProxy's "Gateway Time-out" is the error-page writer's concern, not this matrix's.
    private static (string Status, string Body) StatusAndBody(string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (raw.Split(' ', 3)[1], raw[(split + 4)..]);
    }

    private static async Task<(string Response, TimeSpan Elapsed)> TimedGetAsync(int port, string path)
    {
        var clock = Stopwatch.StartNew();
        var response = await RawGetAsync(port, path);
        return (response, clock.Elapsed);
    }

    private static async Task<string> RawGetAsync(int port, string path)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: example\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await reader.ReadToEndAsync(cancel.Token);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(10);
        }
    }
}
