using System.Net;
using System.Security.Cryptography;
using System.Text;
using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>Mode http end to end: real Kestrel backends and the proxy in process, all on 127.0.0.1.</summary>
public class HttpModeTests
{
    private const string Defaults = "defaults\n    mode http\n    timeout connect 2s\n    timeout client 10s\n    timeout server 10s\n";

    private static HttpClient Client() => new(new SocketsHttpHandler { UseProxy = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };

    private static string Config(int frontendPort, string servers)
        => Defaults + $"frontend fe\n    bind 127.0.0.1:{frontendPort}\n    default_backend be\nbackend be\n    balance roundrobin\n{servers}";

    [Fact]
    public async Task HttpMode_TwoServers_Returns200AlternatingBetweenThem()
    {
        await using var a = await TestBackend.StartAsync("a");
        await using var b = await TestBackend.StartAsync("b");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, $"    server a 127.0.0.1:{a.Port}\n    server b 127.0.0.1:{b.Port}\n"));
        using var client = Client();

        var bodies = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var response = await client.GetAsync($"http://127.0.0.1:{port}/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(["a", "b", "a", "b"], bodies);
    }

    [Fact]
    public async Task HttpMode_WeightsOneAndThree_TrafficSplitsOneToThree()
    {
        await using var light = await TestBackend.StartAsync("light");
        await using var heavy = await TestBackend.StartAsync("heavy");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(port,
            $"    server light 127.0.0.1:{light.Port} weight 1\n    server heavy 127.0.0.1:{heavy.Port} weight 3\n"));
        using var client = Client();

        for (var i = 0; i < 200; i++)
        {
            (await client.GetAsync($"http://127.0.0.1:{port}/")).EnsureSuccessStatusCode();
        }

        Assert.Equal(50, light.Received.Count);
        Assert.Equal(150, heavy.Received.Count);
    }

    [Fact]
    public async Task HttpMode_WeightZero_ServerGetsNoTraffic()
    {
        await using var on = await TestBackend.StartAsync("on");
        await using var off = await TestBackend.StartAsync("off");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(port,
            $"    server on 127.0.0.1:{on.Port}\n    server off 127.0.0.1:{off.Port} weight 0\n"));
        using var client = Client();

        for (var i = 0; i < 10; i++)
        {
            (await client.GetAsync($"http://127.0.0.1:{port}/")).EnsureSuccessStatusCode();
        }

        Assert.Equal(10, on.Received.Count);
        Assert.Empty(off.Received);
    }

    [Fact]
    public async Task HttpMode_OnlyServerRefuses_Returns503WithHaproxysPage()
    {
        var closedPort = FreePort.Next();
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, $"    server down 127.0.0.1:{closedPort}\n"));
        using var client = Client();

        var response = await client.GetAsync($"http://127.0.0.1:{port}/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("no-cache", response.Headers.CacheControl!.ToString());
        Assert.Equal("text/html", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(107, response.Content.Headers.ContentLength);
        Assert.Equal(
            "<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HttpMode_Request_ReachesServerWithHostTargetAndHeadersUnchanged()
    {
        await using var backend = await TestBackend.StartAsync("a");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, $"    server a 127.0.0.1:{backend.Port}\n"));
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/bucket/key%20x?X-Amz-Date=20261122T000000Z&b=2");
        request.Headers.Host = "s3.example.com";
        request.Headers.Add("X-Custom", "one");

        (await client.SendAsync(request)).EnsureSuccessStatusCode();

        var received = Assert.Single(backend.Received);
        Assert.Equal("GET", received.Method);
        Assert.Equal("/bucket/key%20x?X-Amz-Date=20261122T000000Z&b=2", received.Target);
        Assert.Equal("s3.example.com", received.Header("Host"));
        Assert.Equal("one", received.Header("X-Custom"));
        // haproxy 2.6 adds no X-Forwarded-* unless `option forwardfor` says so.
        Assert.Null(received.Header("X-Forwarded-For"));
        Assert.Null(received.Header("X-Forwarded-Proto"));
        Assert.Null(received.Header("X-Forwarded-Host"));
    }

    [Fact]
    public async Task HttpMode_PostBody_ArrivesByteIdentical()
    {
        await using var backend = await TestBackend.StartAsync("a");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, $"    server a 127.0.0.1:{backend.Port}\n"));
        using var client = Client();
        var payload = new byte[3 * 1024 * 1024 + 17];
        new Random(42).NextBytes(payload);

        (await client.PutAsync($"http://127.0.0.1:{port}/upload", new ByteArrayContent(payload))).EnsureSuccessStatusCode();

        Assert.Equal(Convert.ToHexString(SHA256.HashData(payload)), Assert.Single(backend.Received).BodySha256);
    }

    [Fact]
    public async Task HttpMode_ServerSilentPastTimeoutServer_Returns504()
    {
        var release = new TaskCompletionSource();
        await using var backend = await TestBackend.StartAsync("slow", async context =>
        {
            // Never answers on its own: only the proxy's `timeout server` can end the wait.
            await Task.WhenAny(release.Task, Task.Delay(Timeout.Infinite, context.RequestAborted));
        });
        var port = FreePort.Next();
        var config = Config(port, $"    server slow 127.0.0.1:{backend.Port}\n").Replace("timeout server 10s", "timeout server 300ms");
        await using var proxy = await InProcessProxy.StartAsync(config);
        using var client = Client();

        var response = await client.GetAsync($"http://127.0.0.1:{port}/");
        release.TrySetResult();

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Contains("504 Gateway Time-out", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HttpMode_ReturnRule_AnswersWithoutAnyServer()
    {
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Defaults +
            $"listen app\n    bind 127.0.0.1:{port}\n    http-request return status 201 content-type text/plain string \"made here\\n\"\n");
        using var client = Client();

        var response = await client.GetAsync($"http://127.0.0.1:{port}/anything");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("made here\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HttpMode_FrontendWithoutBackend_Returns503()
    {
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Defaults + $"frontend fe\n    bind 127.0.0.1:{port}\n");
        using var client = Client();

        var response = await client.GetAsync($"http://127.0.0.1:{port}/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(107, Encoding.ASCII.GetByteCount(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task HttpMode_NoServerHeaderAdded()
    {
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Defaults +
            $"listen app\n    bind 127.0.0.1:{port}\n    http-request return status 200\n");
        using var client = Client();

        var response = await client.GetAsync($"http://127.0.0.1:{port}/");

        Assert.Empty(response.Headers.Server);
    }
}
