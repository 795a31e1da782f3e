using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using Proxy.FunctionalTests.Common;
using Proxy.Http;
using Proxy.Runtime;

namespace Proxy.FunctionalTests;

/// <summary>
/// Each failure of ../shared/spec/haproxy-2.6.md §3.4 provoked for real on 127.0.0.1 (servers that refuse, never
/// answer, reset mid-headers or mid-body; full servers; clients that leave): the status and page the client gets,
/// and the outcome (termination state, retries) the proxy records for the log.
/// </summary>
public class FailureMatrixTests
{
    private static string Page(int status) => Encoding.ASCII.GetString(HaproxyErrorPages.Body(status).Span);

    private static string Config(int port, string backend, string defaults = "")
        => "defaults\n mode http\n timeout connect 200ms\n timeout client 10s\n timeout server 10s\n" + defaults +
           $"frontend fe\n bind 127.0.0.1:{port}\n default_backend be\nbackend be\n{backend}";

    private static HttpClient Client() => new(new SocketsHttpHandler { UseProxy = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Refused_RetriedThreeTimesWithTurnAround_Then503SC()
    {
        var closed = FreePort.Next();
        var port = FreePort.Next();
        var recorder = new OutcomeRecorder();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, $" server s1 127.0.0.1:{closed}\n"), observer: recorder);
        using var client = Client();
        var clock = Stopwatch.StartNew();

        var response = await client.GetAsync($"http://127.0.0.1:{port}/refused");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(Page(503), await response.Content.ReadAsStringAsync());
        // haproxy 2.6: min(timeout connect, 1s) between attempts to the same server, three times.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(550), $"answered after {clock.Elapsed}");
        var outcome = await recorder.ForAsync("/refused");
        Assert.Equal((503, "SC", 3, false, "s1"), (outcome.Status, outcome.TerminationState, outcome.Retries, outcome.Redispatched, outcome.Server));
        Assert.Equal((-1L, -1L), (outcome.ConnectMilliseconds, outcome.ResponseMilliseconds));
    }

    [Fact]
    public async Task ConnectTimeout_RetriedWithoutTurnAround_Then503LowercaseSC()
    {
        var port = FreePort.Next();
        var recorder = new OutcomeRecorder();
        var attempts = 0;
        // A server whose SYNs go unanswered: loopback cannot drop them, so the connect seam never completes.
        var services = new RuntimeServices(TimeProvider.System, async (_, token) =>
        {
            Interlocked.Increment(ref attempts);
            await Task.Delay(Timeout.Infinite, token);
            return Stream.Null;
        });
        await using var proxy = await InProcessProxy.StartAsync(Config(port, " server s1 127.0.0.1:9\n"), services, recorder);
        using var client = Client();

        var response = await client.GetAsync($"http://127.0.0.1:{port}/silent-connect");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(Page(503), await response.Content.ReadAsStringAsync());
        var outcome = await recorder.ForAsync("/silent-connect");
        Assert.Equal((503, "sC", 3), (outcome.Status, outcome.TerminationState, outcome.Retries));
        Assert.Equal(4, Volatile.Read(ref attempts));
    }

    [Fact]
    public async Task ServerSilent_TimeoutServer_504LowercaseSH()
    {
        await using var server = MisbehavingServer.Silent();
        var port = FreePort.Next();
        var recorder = new OutcomeRecorder();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, $" timeout server 300ms\n server s1 127.0.0.1:{server.Port}\n"), observer: recorder);
        using var client = Client();

        var response = await client.GetAsync($"http://127.0.0.1:{port}/slow");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal(Page(504), await response.Content.ReadAsStringAsync());
        var outcome = await recorder.ForAsync("/slow");
        Assert.Equal((504, "sH", 0), (outcome.Status, outcome.TerminationState, outcome.Retries));
        // conn-failure only: a request that reached the server is not replayed.
        Assert.Equal(1, server.Accepted);
    }

    [Fact]
    public async Task ResetMidHeaders_502SH()
    {
        await using var server = MisbehavingServer.ResetAfter("HTTP/1.1 200 OK\r\nContent-Le");
        var port = FreePort.Next();
        var recorder = new OutcomeRecorder();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, $" server s1 127.0.0.1:{server.Port}\n"), observer: recorder);
        using var client = Client();

        var response = await client.GetAsync($"http://127.0.0.1:{port}/reset-headers");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(Page(502), await response.Content.ReadAsStringAsync());
        var outcome = await recorder.ForAsync("/reset-headers");
        Assert.Equal((502, "SH", 0), (outcome.Status, outcome.TerminationState, outcome.Retries));
    }

    [Fact]
    public async Task ResetMidBody_ResponseTruncatedSD()
    {
        await using var server = MisbehavingServer.ResetAfter("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n0123456789");
        var port = FreePort.Next();
        var recorder = new OutcomeRecorder();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, $" server s1 127.0.0.1:{server.Port}\n"), observer: recorder);
        using var client = Client();

        var response = await client.GetAsync($"http://127.0.0.1:{port}/reset-body", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => response.Content.ReadAsByteArrayAsync());

        var outcome = await recorder.ForAsync("/reset-body");
        Assert.Equal((200, "SD"), (outcome.Status, outcome.TerminationState));
    }

    [Fact]
    public async Task ServerStallsMidBody_TimeoutServer_TruncatedLowercaseSD()
    {
        await using var server = MisbehavingServer.StallAfter("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n0123456789");
        var port = FreePort.Next();
        var recorder = new OutcomeRecorder();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, $" timeout server 300ms\n server s1 127.0.0.1:{server.Port}\n"), observer: recorder);
        using var client = Client();

        var response = await client.GetAsync($"http://127.0.0.1:{port}/stall", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => response.Content.ReadAsByteArrayAsync());

        var outcome = await recorder.ForAsync("/stall");
        Assert.Equal((200, "sD"), (outcome.Status, outcome.TerminationState));
    }

    [Fact]
    public async Task NoServer_503SCWithoutServer()
    {
        var port = FreePort.Next();
        var recorder = new OutcomeRecorder();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, " balance roundrobin\n"), observer: recorder);
        using var client = Client();

        var response = await client.GetAsync($"http://127.0.0.1:{port}/nosrv");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(Page(503), await response.Content.ReadAsStringAsync());
        var outcome = await recorder.ForAsync("/nosrv");
        Assert.Equal((503, "SC", null, "be"), (outcome.Status, outcome.TerminationState, outcome.Server, outcome.Backend));
    }

    [Fact]
    public async Task Success_RecordsDashDash()
    {
        await using var backend = await TestBackend.StartAsync("a");
        var port = FreePort.Next();
        var recorder = new OutcomeRecorder();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, $" server a 127.0.0.1:{backend.Port}\n"), observer: recorder);
        using var client = Client();

        (await client.GetAsync($"http://127.0.0.1:{port}/ok")).EnsureSuccessStatusCode();

        var outcome = await recorder.ForAsync("/ok");
        Assert.Equal((200, "--", 0, "a", "fe", "be"), (outcome.Status, outcome.TerminationState, outcome.Retries, outcome.Server, outcome.Frontend, outcome.Backend));
        Assert.True(outcome.TotalMilliseconds >= 0);
        Assert.InRange(outcome.ResponseMilliseconds, 0, outcome.TotalMilliseconds);
        Assert.Equal(0, outcome.ConnectMilliseconds);
    }

    [Fact]
    public async Task Redispatch_RefusedServer_RetriedAtOnceOnTheOther()
    {
        await using var good = await TestBackend.StartAsync("good");
        var closed = FreePort.Next();
        var port = FreePort.Next();
        var recorder = new OutcomeRecorder();
        await using var proxy = await InProcessProxy.StartAsync(
            Config(port, $" option redispatch\n server bad 127.0.0.1:{closed}\n server good 127.0.0.1:{good.Port}\n"), observer: recorder);
        using var client = Client();

        // Round robin starts with "bad": the first request fails to connect, then goes to "good".
        var response = await client.GetAsync($"http://127.0.0.1:{port}/redispatch");

        Assert.Equal("good", await response.Content.ReadAsStringAsync());
        var outcome = await recorder.ForAsync("/redispatch");
        Assert.Equal((200, "--", 1, true, "good"), (outcome.Status, outcome.TerminationState, outcome.Retries, outcome.Redispatched, outcome.Server));
    }

    [Fact]
    public async Task RetryOnStatus_ServerAnswers503Twice_ThirdAttemptServed()
    {
        var calls = 0;
        await using var backend = await TestBackend.StartAsync("flaky", async context =>
        {
            var n = Interlocked.Increment(ref calls);
            context.Response.StatusCode = n <= 2 ? 503 : 200;
            await context.Response.WriteAsync($"attempt {n}");
        });
        var port = FreePort.Next();
        var recorder = new OutcomeRecorder();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, $" retry-on 503\n server s1 127.0.0.1:{backend.Port}\n"), observer: recorder);
        using var client = Client();

        var response = await client.GetAsync($"http://127.0.0.1:{port}/flaky");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attempt 3", await response.Content.ReadAsStringAsync());
        var outcome = await recorder.ForAsync("/flaky");
        Assert.Equal((200, "--", 2), (outcome.Status, outcome.TerminationState, outcome.Retries));
    }

    [Fact]
    public async Task RetryOnStatus_RequestWithBody_IsNeverReplayed()
    {
        var calls = 0;
        await using var backend = await TestBackend.StartAsync("busy", async context =>
        {
            Interlocked.Increment(ref calls);
            context.Response.StatusCode = 503;
            await context.Response.WriteAsync("busy");
        });
        var port = FreePort.Next();
        var recorder = new OutcomeRecorder();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, $" retry-on 503\n server s1 127.0.0.1:{backend.Port}\n"), observer: recorder);
        using var client = Client();

        var response = await client.PostAsync($"http://127.0.0.1:{port}/upload", new StringContent("payload"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("busy", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, Volatile.Read(ref calls));
        Assert.Equal(0, (await recorder.ForAsync("/upload")).Retries);
    }

    [Fact]
    public async Task RetryOnStatus_RetriesSpent_LastResponsePassesThrough()
    {
        var calls = 0;
        await using var backend = await TestBackend.StartAsync("down", async context =>
        {
            Interlocked.Increment(ref calls);
            context.Response.StatusCode = 503;
            await context.Response.WriteAsync("own page");
        });
        var port = FreePort.Next();
        var recorder = new OutcomeRecorder();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, $" retries 2\n retry-on 503\n server s1 127.0.0.1:{backend.Port}\n"), observer: recorder);
        using var client = Client();

        var response = await client.GetAsync($"http://127.0.0.1:{port}/down");

        Assert.Equal("own page", await response.Content.ReadAsStringAsync());
        Assert.Equal(3, Volatile.Read(ref calls));
        Assert.Equal((503, 2), ((await recorder.ForAsync("/down")).Status, (await recorder.ForAsync("/down")).Retries));
    }

    [Fact]
    public async Task Redispatch_PostRefusedByFirstServer_BodyArrivesWholeAtTheOther()
    {
        await using var good = await TestBackend.StartAsync("good");
        var closed = FreePort.Next();
        var port = FreePort.Next();
        var recorder = new OutcomeRecorder();
        await using var proxy = await InProcessProxy.StartAsync(
            Config(port, $" option redispatch\n server bad 127.0.0.1:{closed}\n server good 127.0.0.1:{good.Port}\n"), observer: recorder);
        using var client = Client();
        var payload = new byte[256 * 1024 + 3];
        new Random(7).NextBytes(payload);

        // A connection that was never established took nothing of the body: the request may go elsewhere whole.
        var response = await client.PostAsync($"http://127.0.0.1:{port}/post", new ByteArrayContent(payload));

        Assert.Equal("good", await response.Content.ReadAsStringAsync());
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(payload)), Assert.Single(good.Received).BodySha256);
        Assert.Equal(1, (await recorder.ForAsync("/post")).Retries);
    }

    [Fact]
    public async Task MaxConnFull_QueueTimeout_503LowercaseSQ()
    {
        var release = new TaskCompletionSource();
        await using var backend = await TestBackend.StartAsync("slow", async context =>
        {
            await release.Task;
            await context.Response.WriteAsync("done");
        });
        var port = FreePort.Next();
        var recorder = new OutcomeRecorder();
        await using var proxy = await InProcessProxy.StartAsync(
            Config(port, $" timeout queue 300ms\n server s1 127.0.0.1:{backend.Port} maxconn 1\n"), observer: recorder);
        using var client = Client();

        var first = client.GetAsync($"http://127.0.0.1:{port}/first");
        await WaitUntilAsync(() => !backend.Received.IsEmpty);
        var second = await client.GetAsync($"http://127.0.0.1:{port}/second");
        release.SetResult();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal(Page(503), await second.Content.ReadAsStringAsync());
        Assert.Equal("done", await (await first).Content.ReadAsStringAsync());
        var outcome = await recorder.ForAsync("/second");
        Assert.Equal((503, "sQ"), (outcome.Status, outcome.TerminationState));
        Assert.True(outcome.QueueMilliseconds >= 250, $"Tw={outcome.QueueMilliseconds}");
    }

    [Fact]
    public async Task MaxConnFull_QueuedRequestServedWhenTheSlotFrees()
    {
        var release = new TaskCompletionSource();
        var concurrent = 0;
        var peak = 0;
        await using var backend = await TestBackend.StartAsync("s", async context =>
        {
            var now = Interlocked.Increment(ref concurrent);
            InterlockedMax(ref peak, now);
            await release.Task;
            Interlocked.Decrement(ref concurrent);
            await context.Response.WriteAsync(context.Request.Path);
        });
        var port = FreePort.Next();
        var recorder = new OutcomeRecorder();
        await using var proxy = await InProcessProxy.StartAsync(
            Config(port, $" timeout queue 10s\n server s1 127.0.0.1:{backend.Port} maxconn 1\n"), observer: recorder);
        using var client = Client();

        var first = client.GetAsync($"http://127.0.0.1:{port}/one");
        await WaitUntilAsync(() => backend.Received.Count == 1);
        var second = client.GetAsync($"http://127.0.0.1:{port}/two");
        // Round robin finds no server with room: the request waits in the backend's queue.
        await WaitUntilAsync(() => proxy.Runtime.Backends.Single().Queue!.BackendLength == 1);
        release.SetResult();

        Assert.Equal("/one", await (await first).Content.ReadAsStringAsync());
        Assert.Equal("/two", await (await second).Content.ReadAsStringAsync());
        Assert.Equal(1, Volatile.Read(ref peak));
        Assert.Equal("--", (await recorder.ForAsync("/two")).TerminationState);
    }

    [Fact]
    public async Task AbortOnClose_ClientLeavesWhileQueued_CQ()
    {
        var release = new TaskCompletionSource();
        await using var backend = await TestBackend.StartAsync("slow", async context =>
        {
            await release.Task;
            await context.Response.WriteAsync("done");
        });
        var port = FreePort.Next();
        var recorder = new OutcomeRecorder();
        await using var proxy = await InProcessProxy.StartAsync(
            Config(port, $" option abortonclose\n timeout queue 10s\n server s1 127.0.0.1:{backend.Port} maxconn 1\n"), observer: recorder);
        using var client = Client();
        var first = client.GetAsync($"http://127.0.0.1:{port}/first");
        await WaitUntilAsync(() => !backend.Received.IsEmpty);

        using (var leaving = new TcpClient())
        {
            await leaving.ConnectAsync(IPAddress.Loopback, port);
            await leaving.GetStream().WriteAsync(Encoding.ASCII.GetBytes("GET /queued HTTP/1.1\r\nHost: x\r\n\r\n"));
            leaving.Client.LingerState = new LingerOption(true, 0);
        }

        var outcome = await recorder.ForAsync("/queued");
        release.SetResult();
        await first;
        Assert.Equal((-1, "CQ"), (outcome.Status, outcome.TerminationState));
        Assert.Single(backend.Received);
    }

    [Fact]
    public async Task ClientLeavesWaitingForHeaders_CH()
    {
        var release = new TaskCompletionSource();
        await using var backend = await TestBackend.StartAsync("slow", async context =>
        {
            await release.Task.WaitAsync(context.RequestAborted);
        });
        var port = FreePort.Next();
        var recorder = new OutcomeRecorder();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, $" server s1 127.0.0.1:{backend.Port}\n"), observer: recorder);

        using (var leaving = new TcpClient())
        {
            await leaving.ConnectAsync(IPAddress.Loopback, port);
            await leaving.GetStream().WriteAsync(Encoding.ASCII.GetBytes("GET /leaving HTTP/1.1\r\nHost: x\r\n\r\n"));
            await WaitUntilAsync(() => !backend.Received.IsEmpty);
            leaving.Client.LingerState = new LingerOption(true, 0);
        }

        var outcome = await recorder.ForAsync("/leaving");
        release.SetResult();
        Assert.Equal((-1, "CH"), (outcome.Status, outcome.TerminationState));
    }

    [Fact]
    public async Task ClientLeavesMidBody_CD()
    {
        var release = new TaskCompletionSource();
        await using var backend = await TestBackend.StartAsync("streaming", async context =>
        {
            context.Response.ContentLength = 1_000_000;
            await context.Response.Body.WriteAsync(new byte[1000]);
            await context.Response.Body.FlushAsync();
            await release.Task.WaitAsync(context.RequestAborted);
        });
        var port = FreePort.Next();
        var recorder = new OutcomeRecorder();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, $" server s1 127.0.0.1:{backend.Port}\n"), observer: recorder);

        using (var leaving = new TcpClient())
        {
            await leaving.ConnectAsync(IPAddress.Loopback, port);
            var stream = leaving.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /mid-body HTTP/1.1\r\nHost: x\r\n\r\n"));
            var buffer = new byte[512];
            Assert.True(await stream.ReadAsync(buffer) > 0);
            leaving.Client.LingerState = new LingerOption(true, 0);
        }

        var outcome = await recorder.ForAsync("/mid-body");
        release.SetResult();
        Assert.Equal((200, "CD"), (outcome.Status, outcome.TerminationState));
    }

    [Fact]
    public async Task IncompleteHeaders_TimeoutHttpRequest_408()
    {
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, " server s1 127.0.0.1:9\n", " timeout http-request 300ms\n"));
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: x\r\n"));

        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var statusLine = await reader.ReadLineAsync(cancel.Token);

        Assert.StartsWith("HTTP/1.1 408", statusLine);
    }

    [Fact]
    public async Task FrontendMaxConn_ExcessConnectionWaitsRatherThanRefused()
    {
        await using var backend = await TestBackend.StartAsync("a");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(
            "defaults\n mode http\n timeout connect 1s\n timeout client 10s\n timeout server 10s\n" +
            $"frontend fe\n bind 127.0.0.1:{port}\n maxconn 1\n default_backend be\nbackend be\n server a 127.0.0.1:{backend.Port}\n");
        using var first = new TcpClient();
        await first.ConnectAsync(IPAddress.Loopback, port);
        Assert.StartsWith("HTTP/1.1 200", await RoundTripAsync(first, "/a1"));

        using var second = new TcpClient();
        await second.ConnectAsync(IPAddress.Loopback, port);
        var waiting = RoundTripAsync(second, "/b");
        // The first connection keeps being served while the second waits for its slot.
        Assert.StartsWith("HTTP/1.1 200", await RoundTripAsync(first, "/a2"));
        Assert.False(waiting.IsCompleted);
        first.Close();

        Assert.StartsWith("HTTP/1.1 200", await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static async Task<string> RoundTripAsync(TcpClient client, string path)
    {
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n"));
        var buffer = new byte[4096];
        var text = new StringBuilder();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!IsComplete(text.ToString()))
        {
            var n = await stream.ReadAsync(buffer, cancel.Token);
            if (n == 0)
            {
                break;
            }

            text.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }

        return text.ToString();
    }

    // A complete response of the test backend: headers, then a Content-Length body or the last chunk.
    private static bool IsComplete(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var length = text.Split("\r\n").FirstOrDefault(h => h.StartsWith("content-length:", StringComparison.OrdinalIgnoreCase));
        return length is null ? text.EndsWith("0\r\n\r\n", StringComparison.Ordinal) : text.Length - end - 4 >= int.Parse(length.Split(':')[1].Trim());
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    // Polls a condition with a bounded deadline (never a fixed sleep).
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
