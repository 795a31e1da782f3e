using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>
/// http-request / http-response rules end to end through the in-process proxy, with real Kestrel backends on 127.0.0.1:
/// where each proxy's rules run, what a listen section does, variables' lifetimes, and http-response deny.
/// </summary>
public sealed class HttpRulesTests
{
    private const string Defaults = "defaults\n mode http\n timeout connect 2s\n timeout client 10s\n timeout server 10s\n";

    private static HttpClient Client() => new(new SocketsHttpHandler { UseProxy = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };

    private static Task<TestBackend> Echo(string name) => TestBackend.StartAsync(name, context =>
    {
        context.Response.Headers["X-Server-Name"] = name;
        context.Response.ContentLength = name.Length;
        return context.Response.WriteAsync(name);
    });

    [Fact]
    public async Task Rules_FrontendThenChosenBackend_RunInOrder()
    {
        await using var api = await Echo("api");
        await using var web = await Echo("web");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Defaults +
            $"frontend fe\n bind 127.0.0.1:{port}\n http-request add-header X-Trace fe\n use_backend api if {{ path_beg /api }}\n default_backend web\n" +
            $"backend api\n acl traced req.hdr(x-trace) -m found\n http-request add-header X-Trace api if traced\n" +
            $" http-response set-header X-Seen %[res.hdr(x-server-name)]\n server s 127.0.0.1:{api.Port}\n" +
            $"backend web\n http-request add-header X-Trace web\n server s 127.0.0.1:{web.Port}\n");
        using var client = Client();

        using var first = await client.GetAsync($"http://127.0.0.1:{port}/api/x");
        using var second = await client.GetAsync($"http://127.0.0.1:{port}/other");

        Assert.True(api.Received.TryDequeue(out var atApi));
        Assert.True(web.Received.TryDequeue(out var atWeb));
        Assert.Equal("fe,api", string.Join(",", atApi.Headers.Where(h => h.Name.Equals("X-Trace", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value)).Replace(" ", ""));
        Assert.Equal("fe,web", string.Join(",", atWeb.Headers.Where(h => h.Name.Equals("X-Trace", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value)).Replace(" ", ""));
        Assert.Equal(("api", false), (first.Headers.GetValues("X-Seen").Single(), second.Headers.Contains("X-Seen")));
    }

    [Fact]
    public async Task Rules_ListenSection_RunOnce()
    {
        await using var server = await Echo("s");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Defaults +
            $"listen app\n bind 127.0.0.1:{port}\n option forwardfor\n http-request add-header X-Once 1\n http-response add-header X-Once 1\n" +
            $" server s 127.0.0.1:{server.Port}\n");
        using var client = Client();

        using var response = await client.GetAsync($"http://127.0.0.1:{port}/");

        Assert.True(server.Received.TryDequeue(out var request));
        Assert.Equal(["1"], request.Headers.Where(h => h.Name.Equals("X-Once", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value));
        Assert.Equal(["127.0.0.1"], request.Headers.Where(h => h.Name.Equals("X-Forwarded-For", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value));
        Assert.Equal(["1"], response.Headers.GetValues("X-Once"));
    }

    [Fact]
    public async Task SetVar_SessionScope_LastsForTheConnectionWhileTxnScopeDoesNot()
    {
        await using var server = await Echo("s");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Defaults +
            $"frontend fe\n bind 127.0.0.1:{port}\n" +
            " http-request set-var(sess.first) path if { path /one }\n http-request set-var(txn.here) path if { path /one }\n" +
            " http-request set-header X-Sess %[var(sess.first)]\n http-request set-header X-Txn %[var(txn.here)]\n" +
            $" default_backend be\nbackend be\n server s 127.0.0.1:{server.Port}\n");
        using var client = Client();

        // One HttpClient keeps one keep-alive connection for sequential requests.
        (await client.GetAsync($"http://127.0.0.1:{port}/one")).Dispose();
        (await client.GetAsync($"http://127.0.0.1:{port}/two")).Dispose();

        Assert.True(server.Received.TryDequeue(out var one));
        Assert.True(server.Received.TryDequeue(out var two));
        Assert.Equal(("/one", "/one"), (one.Header("X-Sess"), one.Header("X-Txn")));
        Assert.Equal(("/one", ""), (two.Header("X-Sess"), two.Header("X-Txn")));
    }

    [Fact]
    public async Task HttpResponseDeny_ServerAnswerReplacedBy502Page()
    {
        await using var server = await Echo("secret");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Defaults +
            $"frontend fe\n bind 127.0.0.1:{port}\n http-response deny if {{ res.hdr(x-server-name) secret }}\n default_backend be\n" +
            $"backend be\n server s 127.0.0.1:{server.Port}\n");
        using var client = Client();

        using var response = await client.GetAsync($"http://127.0.0.1:{port}/");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("<html><body><h1>502 Bad Gateway</h1>\nThe server returned an invalid or incomplete response.\n</body></html>\n",
            await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("X-Server-Name"));
    }

    [Fact]
    public async Task Auth_BackendRuleWithoutRealm_UsesBackendNameAndLetsGroupMembersIn()
    {
        await using var server = await Echo("s");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Defaults +
            "userlist admins\n group ops\n user ann insecure-password pw groups ops\n user ben insecure-password pw\n" +
            $"frontend fe\n bind 127.0.0.1:{port}\n default_backend private\n" +
            $"backend private\n http-request auth unless {{ http_auth_group(admins) ops }}\n server s 127.0.0.1:{server.Port}\n");
        using var client = Client();

        var (anonymous, outsider, member) = (await GetAsync(client, port, null), await GetAsync(client, port, "ben:pw"), await GetAsync(client, port, "ann:pw"));

        Assert.Equal((HttpStatusCode.Unauthorized, "Basic realm=\"private\""), anonymous);
        Assert.Equal((HttpStatusCode.Unauthorized, "Basic realm=\"private\""), outsider);
        Assert.Equal((HttpStatusCode.OK, ""), member);
    }

    [Fact]
    public async Task NamedDefaults_RequestRules_RunBeforeTheProxysOwn()
    {
        await using var server = await Echo("s");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(
            "defaults base\n mode http\n timeout connect 2s\n timeout client 10s\n timeout server 10s\n http-request set-header X-Step defaults\n" +
            $"frontend fe from base\n bind 127.0.0.1:{port}\n http-request set-header X-Fe fe-%[req.hdr(x-step)]\n default_backend be\n" +
            $"backend be from base\n server s 127.0.0.1:{server.Port}\n");
        using var client = Client();

        (await client.GetAsync($"http://127.0.0.1:{port}/")).Dispose();

        Assert.True(server.Received.TryDequeue(out var request));
        Assert.Equal(("fe-defaults", "defaults"), (request.Header("X-Fe"), request.Header("X-Step")));
    }

    private static async Task<(HttpStatusCode Status, string Challenge)> GetAsync(HttpClient client, int port, string? credentials)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/");
        if (credentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, response.Headers.WwwAuthenticate.ToString());
    }
}
