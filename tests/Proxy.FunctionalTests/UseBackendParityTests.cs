using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>
/// use_backend side by side with Debian's haproxy 2.6: the same configuration and the same backends, and each request
/// must reach the same backend through both.
/// </summary>
public class UseBackendParityTests
{
    private const string Rules =
        " acl api path_beg /api\n" +
        " acl static path_end .css .js\n" +
        " acl static path_reg ^/assets/\n" +
        " acl host_a hdr(host) -i a.example\n" +
        " acl host_b hdr_dom(host) -i b.example\n" +
        " use_backend a if METH_POST\n" +
        " use_backend b if host_b\n" +
        " use_backend a if host_a !api\n" +
        " use_backend b if api { hdr_cnt(x-v) ge 2 }\n" +
        " use_backend a if { url_param(v) 2 } || HTTP_1.0\n" +
        " use_backend b if static\n" +
        " use_backend a if { req.hdr(x-a),lower -m sub xyz }\n" +
        " use_backend b if { query -m found } { base_beg c.example/q }\n" +
        " use_backend b unless LOCALHOST\n" +
        " default_backend web\n";

    public static TheoryData<string, string> Requests() => new()
    {
        { "GET /api/x HTTP/1.1\r\nHost: a.example\r\n", "web" },
        { "GET /x HTTP/1.1\r\nHost: A.EXAMPLE\r\n", "a" },
        { "GET /x HTTP/1.1\r\nHost: a.example:8080\r\n", "web" },
        { "GET /x HTTP/1.1\r\nHost: www.b.example:81\r\n", "b" },
        { "POST /api HTTP/1.1\r\nHost: c\r\nContent-Length: 0\r\n", "a" },
        { "GET /api/x HTTP/1.1\r\nHost: c\r\nX-V: 1, 2\r\n", "b" },
        { "GET /api/x HTTP/1.1\r\nHost: c\r\nX-V: 1\r\n", "web" },
        { "GET /x?w=1&v=2 HTTP/1.1\r\nHost: c\r\n", "a" },
        { "GET /x HTTP/1.0\r\nHost: c\r\n", "a" },
        { "GET /assets/y HTTP/1.1\r\nHost: c\r\n", "b" },
        { "GET /s.css?x HTTP/1.1\r\nHost: c\r\n", "b" },
        { "GET /x HTTP/1.1\r\nHost: c\r\nX-A: fooXYZbar\r\n", "a" },
        { "GET /q?z HTTP/1.1\r\nHost: c.example\r\n", "b" },
        { "GET /r?z HTTP/1.1\r\nHost: c.example\r\n", "web" },
    };

    // Backend names built per request from map files (relative to the working directory, as in haproxy): a name that
    // names no backend ends the rules and the default backend takes the request (haproxy 2.6 process_switching_rules).
    private const string MapRules =
        " acl known req.hdr(host),lower,map(hosts.map) -m found\n" +
        " use_backend %[req.hdr(host),lower,map(hosts.map)] if known\n" +
        " use_backend %[req.hdr(x-env),lower,map(envs.map,-),concat(-pool)] if { req.hdr(x-env) -m found }\n" +
        " use_backend %[path,map_beg(paths.map,nope)]\n" +
        " default_backend web\n";

    public static TheoryData<string, string> MapRequests() => new()
    {
        { "GET / HTTP/1.1\r\nHost: a.example\r\n", "a" },
        { "GET / HTTP/1.1\r\nHost: B.Example\r\n", "b" },
        { "GET /api HTTP/1.1\r\nHost: c.example\r\n", "web" },
        { "GET /api/x HTTP/1.1\r\nHost: d.example\r\n", "b" },
        { "GET /ab HTTP/1.1\r\nHost: d.example\r\n", "a" },
        { "GET /zzz HTTP/1.1\r\nHost: d.example\r\n", "web" },
        { "GET /api HTTP/1.1\r\nHost: d.example\r\nX-Env: BLUE\r\n", "blue-pool" },
        { "GET /api HTTP/1.1\r\nHost: d.example\r\nX-Env: red\r\n", "web" },
    };

    [RequiresHaproxyTheory]
    [MemberData(nameof(Requests))]
    public Task UseBackend_SameRequest_SameBackendAsHaproxy(string head, string backend) => SameBackendAsync(Rules, head, backend);

    [RequiresHaproxyTheory]
    [MemberData(nameof(MapRequests))]
    public Task UseBackend_NameFromMaps_SameBackendAsHaproxy(string head, string backend) => SameBackendAsync(MapRules, head, backend);

    private static async Task SameBackendAsync(string rules, string head, string backend)
    {
        await using var a = await StartBackendAsync("a");
        await using var b = await StartBackendAsync("b");
        await using var web = await StartBackendAsync("web");
        await using var blue = await StartBackendAsync("blue-pool");
        var (haproxyPort, proxyPort) = (FreePort.Next(), FreePort.Next());
        using var dir = new TempDirectory();
        string Config(int port) =>
            "defaults\n mode http\n timeout connect 1s\n timeout client 10s\n timeout server 10s\n" +
            $"frontend fe\n bind 127.0.0.1:{port}\n{rules}" +
            $"backend a\n server s 127.0.0.1:{a.Port}\nbackend b\n server s 127.0.0.1:{b.Port}\nbackend web\n server s 127.0.0.1:{web.Port}\n" +
            $"backend blue-pool\n server s 127.0.0.1:{blue.Port}\n";
        await dir.WriteAsync("hosts.map", "a.example a\nb.example b\n# c names no backend\nc.example missing\n");
        await dir.WriteAsync("envs.map", "blue blue\n");
        await dir.WriteAsync("paths.map", "/a a\n/api b\n");
        await dir.WriteAsync("h.cfg", Config(haproxyPort));
        await dir.WriteAsync("p.cfg", Config(proxyPort));
        using var haproxy = ExternalProcess.Start(Haproxy.Require(), ["-db", "-f", "h.cfg"], dir.Path);
        using var proxy = ExternalProcess.StartProxy(["-f", "p.cfg"], dir.Path);
        await PortWaiter.WaitAsync(haproxyPort, haproxy, TimeSpan.FromSeconds(30));
        await PortWaiter.WaitAsync(proxyPort, proxy, TimeSpan.FromSeconds(30));

        var expected = await BodyAsync(haproxyPort, head);
        var actual = await BodyAsync(proxyPort, head);

        Assert.Equal(backend, expected);
        Assert.Equal(expected, actual);
    }

    // A Content-Length answer keeps the raw bodies comparable (no chunk framing).
    private static Task<TestBackend> StartBackendAsync(string name) => TestBackend.StartAsync(name, context =>
    {
        context.Response.ContentLength = name.Length;
        return context.Response.WriteAsync(name);
    });

    private static async Task<string> BodyAsync(int port, string head)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + "Connection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var raw = await reader.ReadToEndAsync(cancel.Token);
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return split < 0 ? raw : raw[(split + 4)..];
    }
}
