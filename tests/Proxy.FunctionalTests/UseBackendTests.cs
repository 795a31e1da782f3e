using System.Net;
using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>use_backend end to end: real Kestrel backends a, b and web behind the in-process proxy, all on 127.0.0.1.</summary>
public class UseBackendTests
{
    private const string Defaults = "defaults\n    mode http\n    timeout connect 2s\n    timeout client 10s\n    timeout server 10s\n";

    private static HttpClient Client() => new(new SocketsHttpHandler { UseProxy = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Starts backends a, b and web, and the proxy with these frontend lines.</summary>
    private static async Task<Rig> StartAsync(string frontendLines)
    {
        var a = await TestBackend.StartAsync("a");
        var b = await TestBackend.StartAsync("b");
        var web = await TestBackend.StartAsync("web");
        var port = FreePort.Next();
        var config = Defaults + $"frontend fe\n    bind 127.0.0.1:{port}\n{frontendLines}" +
                     $"backend a\n    server s 127.0.0.1:{a.Port}\nbackend b\n    server s 127.0.0.1:{b.Port}\nbackend web\n    server s 127.0.0.1:{web.Port}\n";
        var proxy = await InProcessProxy.StartAsync(config);
        return new Rig(port, proxy, [a, b, web]);
    }

    [Fact]
    public async Task UseBackend_PathBeg_ApiGoesToItsBackendOthersToDefault()
    {
        await using var rig = await StartAsync("    use_backend a if { path_beg /api }\n    default_backend web\n");

        Assert.Equal("a", await rig.GetAsync("/api/users"));
        Assert.Equal("web", await rig.GetAsync("/index.html"));
        Assert.Equal("web", await rig.GetAsync("/ap"));
    }

    [Fact]
    public async Task UseBackend_HostHeaderIgnoringCase_MatchesExactHostWhilePortNeedsHdrDom()
    {
        await using var rig = await StartAsync(
            "    acl host_a hdr(host) -i a.example\n    acl host_b hdr_dom(host) -i b.example\n" +
            "    use_backend a if host_a\n    use_backend b if host_b\n    default_backend web\n");

        Assert.Equal("a", await rig.GetAsync("/", host: "A.Example"));
        // hdr(host) compares the whole value, port included, as HAProxy does; hdr_dom stops at ':'.
        Assert.Equal("web", await rig.GetAsync("/", host: "a.example:8080"));
        Assert.Equal("b", await rig.GetAsync("/", host: "b.example:8080"));
        Assert.Equal("b", await rig.GetAsync("/", host: "B.EXAMPLE"));
    }

    [Fact]
    public async Task UseBackend_Method_PostsAndPutsGoElsewhere()
    {
        await using var rig = await StartAsync("    use_backend a if METH_POST || { method PUT }\n    use_backend b if METH_GET\n    default_backend web\n");

        Assert.Equal("a", await rig.SendAsync(HttpMethod.Post, "/"));
        Assert.Equal("a", await rig.SendAsync(HttpMethod.Put, "/"));
        Assert.Equal("b", await rig.SendAsync(HttpMethod.Get, "/"));
        Assert.Equal("web", await rig.SendAsync(HttpMethod.Delete, "/"));
    }

    [Fact]
    public async Task UseBackend_Src_OnlyTheMatchingNetworkRoutes()
    {
        await using var rig = await StartAsync("    use_backend a if { src 10.1.2.3/32 }\n    use_backend b if { src 127.0.0.1 } LOCALHOST\n    default_backend web\n");

        Assert.Equal("b", await rig.GetAsync("/"));
    }

    [Fact]
    public async Task UseBackend_Unless_AppliesWhenConditionIsFalse()
    {
        await using var rig = await StartAsync("    use_backend a unless { path_beg /public }\n    default_backend web\n");

        Assert.Equal("web", await rig.GetAsync("/public/x"));
        Assert.Equal("a", await rig.GetAsync("/private"));
    }

    [Fact]
    public async Task UseBackend_SeveralRulesMatch_FirstDeclaredWins()
    {
        await using var rig = await StartAsync(
            "    use_backend a if { path_beg /x }\n    use_backend b if { path_beg /x/y }\n    use_backend web\n    use_backend a\n");

        Assert.Equal("a", await rig.GetAsync("/x/y"));
        Assert.Equal("web", await rig.GetAsync("/z"));
    }

    [Fact]
    public async Task UseBackend_NothingMatchesAndNoDefault_Returns503()
    {
        await using var rig = await StartAsync("    use_backend a if { path_beg /api }\n");

        Assert.Equal("a", await rig.GetAsync("/api"));
        using var client = Client();
        var response = await client.GetAsync($"http://127.0.0.1:{rig.Port}/other");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.All(rig.Backends.Skip(1), b => Assert.Empty(b.Received));
    }

    private sealed class Rig(int port, InProcessProxy proxy, TestBackend[] backends) : IAsyncDisposable
    {
        private readonly HttpClient _client = Client();

        public int Port { get; } = port;

        public TestBackend[] Backends { get; } = backends;

        public Task<string> GetAsync(string path, string? host = null) => SendAsync(HttpMethod.Get, path, host);

        public async Task<string> SendAsync(HttpMethod method, string path, string? host = null)
        {
            using var request = new HttpRequestMessage(method, $"http://127.0.0.1:{Port}{path}");
            if (host is not null)
            {
                request.Headers.Host = host;
            }

            using var response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            await proxy.DisposeAsync();
            foreach (var backend in Backends)
            {
                await backend.DisposeAsync();
            }
        }
    }
}
