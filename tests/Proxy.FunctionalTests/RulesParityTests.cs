using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>
/// http-request / http-response rules, option forwardfor and userlists side by side with Debian's haproxy 2.6: one
/// configuration, the same backends, and for each request the same status, response headers and body at the client,
/// and the same method, target and headers (names, values, order) at the server.
/// </summary>
public sealed class RulesParityTests(RulesParityTests.Pair pair) : IClassFixture<RulesParityTests.Pair>
{
    // crypt("pw", "$6$saltsalt$") — SHA-512 crypt, as `mkpasswd -m sha-512` writes it.
    private const string HashedPw = "$6$saltsalt$pauPrmdmG4BTE9h2HPmywiw152IFch6BJCEsaY6D.PLTfpV8sqvXwWdyfsgVgozkYH9B80bAip/08R2BPH2xk/";

    private const string Frontend =
        " http-request deny if { path_beg /deny }\n" +
        " http-request deny deny_status 429 if { path_beg /d429 }\n" +
        " http-request allow if { path_beg /allow }\n" +
        " http-request deny if { path_beg /allow }\n" +
        " http-request auth realm Private if { path_beg /auth } !{ http_auth(ul) }\n" +
        " http-request auth if { path_beg /admin } !{ http_auth_group(ul) admins }\n" +
        " http-request redirect scheme https if { path_beg /rs }\n" +
        " http-request redirect prefix /new code 301 if { path_beg /rp }\n" +
        " http-request redirect location /moved?x=1 code 307 set-cookie SEEN=1 if { path_beg /rl }\n" +
        " http-request redirect prefix /pp append-slash drop-query if { path_beg /ra }\n" +
        " http-request set-header X-Set %[path]-%[hdr(host),lower]-%ci if { path_beg /hdr }\n" +
        " http-request add-header X-Add one if { path_beg /hdr }\n" +
        " http-request add-header X-Add \"two %[method]\" if { path_beg /hdr }\n" +
        " http-request del-header X-Secret if { path_beg /hdr }\n" +
        " http-request del-header x-priv -m beg if { path_beg /hdr }\n" +
        " http-request replace-header X-Rh ^a(.*)$ b\\1 if { path_beg /hdr }\n" +
        " http-request replace-value X-Rv ^a(.*)$ b\\1 if { path_beg /hdr }\n" +
        " http-request replace-header X-Part a(.) <\\1> if { path_beg /hdr }\n" +
        " http-request set-path /rewritten%[path] if { path_beg /sp }\n" +
        " http-request set-query q=%[query] if { path_beg /sq }\n" +
        " http-request set-uri /uri?from=%[path] if { path_beg /su }\n" +
        " http-request set-method PUT if { path_beg /sm }\n" +
        " http-request replace-path /zp/(.*) /stripped/\\1 if { path_beg /zp }\n" +
        " http-request replace-pathq ^/zq(.*) /q\\1 if { path_beg /zq }\n" +
        " http-request replace-uri ^/zu/([^?]*)[?](.*)$ /u/\\2/\\1 if { path_beg /zu }\n" +
        " http-request set-pathq /pq?%[path] if { path_beg /zs }\n" +
        " http-request set-var(txn.who) hdr(x-user),upper if { path_beg /var }\n" +
        " http-request set-header X-Conv \"%[path,regsub(^/conv/,/)]|%[path,regsub(a,X,g)]|%[path,regsub(A,Z,i)]|%[path,field(-1,/)]\" if { path_beg /conv }\n" +
        " http-request add-header X-Conv \"%[path,field(2,/,2)]|%[path,field(-2,/,2)]|%[path,field(9,/)]|%[path,field(2,/,0)]\" if { path_beg /conv }\n" +
        " http-request set-header X-Who %[var(txn.who)] if { var(txn.who) -m found }\n" +
        " http-request set-var-fmt(txn.fmt) \"%[method]-%[path]\" if { path_beg /fmtv }\n" +
        " http-request set-var(txn.gone) str(x) if { path_beg /fmtv }\n" +
        " http-request unset-var(txn.gone) if { path_beg /fmtv }\n" +
        " http-request return status 200 content-type text/plain lf-string \"v=%[var(txn.fmt)] g=%[var(txn.gone)]\" if { path_beg /fmtv }\n" +
        " http-request set-var(txn.resp) str(1) if { path_beg /resp }\n" +
        " http-response add-header X-Added \"%[hdr(x-srv)]-x\" if { var(txn.resp) -m found }\n" +
        " http-response replace-value X-Srv ^a$ b if { var(txn.resp) -m found }\n" +
        " http-response set-header X-Res %[status] if { res.hdr(x-srv) a }\n" +
        " http-response del-header X-Drop\n" +
        " http-response set-status 203 reason Changed if { status 200 } { var(txn.who) -m found }\n" +
        " http-response deny if { path_beg /rdeny }\n" +
        " redirect location /after-allow if { path_beg /allowr }\n" +
        " redirect prefix /legacy code 303 drop-query if { path_beg /old }\n" +
        " use_backend ex if { path_beg /ex }\n" +
        " use_backend xh if { path_beg /xh }\n" +
        " default_backend be\n";

    public static TheoryData<string, string> Requests() => new()
    {
        { "headers", "GET /hdr/a HTTP/1.1\r\nHost: Example.COM\r\nX-Secret: s\r\nX-Priv-A: 1\r\nX-Private: 2\r\nX-Rh: a1, a2\r\nX-Rv: a1, x2, a3\r\nX-Part: xxay\r\n" },
        { "set-path", "GET /sp/x?k=v HTTP/1.1\r\nHost: h\r\n" },
        { "set-query", "GET /sq/x?k=v HTTP/1.1\r\nHost: h\r\n" },
        { "set-uri", "GET /su/x?k=v HTTP/1.1\r\nHost: h\r\n" },
        { "set-method", "GET /sm HTTP/1.1\r\nHost: h\r\n" },
        { "replace-path", "GET /zp/a/b?k=v HTTP/1.1\r\nHost: h\r\n" },
        { "replace-pathq", "GET /zq/a?k=v HTTP/1.1\r\nHost: h\r\n" },
        { "replace-uri", "GET /zu/a?k=v HTTP/1.1\r\nHost: h\r\n" },
        { "set-pathq", "GET /zs/a?k=v HTTP/1.1\r\nHost: h\r\n" },
        { "redirect scheme", "GET /rs/x?y=1 HTTP/1.1\r\nHost: h.example:8080\r\n" },
        { "redirect prefix 301", "GET /rp/x?y=1 HTTP/1.1\r\nHost: h\r\n" },
        { "redirect location 307 cookie", "GET /rl HTTP/1.1\r\nHost: h\r\n" },
        { "redirect append-slash drop-query", "GET /ra/x?y=1 HTTP/1.1\r\nHost: h\r\n" },
        { "deny", "GET /deny HTTP/1.1\r\nHost: h\r\n" },
        { "deny_status", "GET /d429 HTTP/1.1\r\nHost: h\r\n" },
        { "auth 401", "GET /auth HTTP/1.1\r\nHost: h\r\n" },
        { "auth wrong password", "GET /auth HTTP/1.1\r\nHost: h\r\nAuthorization: Basic Ym9iOndyb25n\r\n" },
        { "auth insecure-password", "GET /auth HTTP/1.1\r\nHost: h\r\nAuthorization: Basic Ym9iOnNlY3JldA==\r\n" },
        { "auth crypt password", "GET /auth HTTP/1.1\r\nHost: h\r\nAuthorization: Basic YWw6cHc=\r\n" },
        { "auth group by user line", "GET /admin HTTP/1.1\r\nHost: h\r\nAuthorization: Basic YWw6cHc=\r\n" },
        { "auth group by group line", "GET /admin HTTP/1.1\r\nHost: h\r\nAuthorization: Basic Ym9iOnNlY3JldA==\r\n" },
        { "auth not in group", "GET /admin HTTP/1.1\r\nHost: h\r\nAuthorization: Basic Y2FybDpj\r\n" },
        { "allow", "GET /allow HTTP/1.1\r\nHost: h\r\n" },
        { "redirect keyword after allow", "GET /allowr HTTP/1.1\r\nHost: h\r\n" },
        { "redirect keyword", "GET /old/x?q=1 HTTP/1.1\r\nHost: h\r\n" },
        { "forwardfor if-none present", "GET / HTTP/1.1\r\nHost: h\r\nX-Forwarded-For: 192.0.2.7\r\n" },
        { "forwardfor if-none absent", "GET / HTTP/1.1\r\nHost: h\r\n" },
        { "forwardfor except, originalto", "GET /ex HTTP/1.1\r\nHost: h\r\nX-Dst: old\r\n" },
        { "forwardfor header name", "GET /xh HTTP/1.1\r\nHost: h\r\nX-Forwarded-For: 192.0.2.7\r\n" },
        { "set-var-fmt, unset-var, return lf-string", "GET /fmtv/x HTTP/1.1\r\nHost: h\r\n" },
        { "regsub and field converters", "GET /conv/ab/cab/d.txt HTTP/1.1\r\nHost: h\r\n" },
        { "set-var and set-status", "GET /var HTTP/1.1\r\nHost: h\r\nX-User: joe\r\n" },
        { "http-response deny", "GET /rdeny HTTP/1.1\r\nHost: h\r\n" },
        { "http-response add-header and replace-value", "GET /resp HTTP/1.1\r\nHost: h\r\n" },
    };

    [RequiresHaproxyTheory]
    [MemberData(nameof(Requests))]
    public async Task Rules_SameRequest_SameAnswerAndSameRequestAtServerAsHaproxy(string scenario, string head)
    {
        var (expected, expectedAtServer) = await pair.SendAsync(pair.HaproxyPort, head);
        var (actual, actualAtServer) = await pair.SendAsync(pair.ProxyPort, head);

        Assert.True(expected.StatusLine.Length > 0, scenario);
        Assert.Equal(expected.StatusLine, actual.StatusLine);
        Assert.Equal(expected.Headers, actual.Headers);
        Assert.Equal(expected.Body, actual.Body);
        Assert.Equal(expectedAtServer, actualAtServer);
    }

    /// <summary>The backends, haproxy and this proxy, started once for the class on the same configuration.</summary>
    public sealed class Pair : IAsyncLifetime
    {
        // Response headers compared at the client (Date and the framing ones differ by design).
        private static readonly string[] Compared =
            ["location", "cache-control", "content-type", "content-length", "www-authenticate", "set-cookie", "x-srv", "x-drop", "x-res", "x-added"];

        private SideBySide? _pair;
        private TestBackend? _server;

        public int HaproxyPort => _pair!.HaproxyPort;

        public int ProxyPort => _pair!.ProxyPort;

        public async Task InitializeAsync()
        {
            if (Haproxy.Path is null)
            {
                return;
            }

            _server = await TestBackend.StartAsync("be", context =>
            {
                context.Response.Headers["X-Srv"] = "a";
                context.Response.Headers["X-Drop"] = "1";
                context.Response.ContentLength = 2;
                return context.Response.WriteAsync("ok");
            });
            _pair = await SideBySide.StartAsync(port =>
                "defaults\n mode http\n timeout connect 1s\n timeout client 10s\n timeout server 10s\n" +
                "userlist ul\n group admins users bob\n user bob insecure-password secret\n" +
                $" user al password {HashedPw} groups admins\n user carl insecure-password c\n" +
                $"frontend fe\n bind 127.0.0.1:{port}\n{Frontend}" +
                $"backend be\n option forwardfor if-none\n http-request set-header X-Backend be\n server s 127.0.0.1:{_server.Port}\n" +
                $"backend ex\n option forwardfor except 127.0.0.0/8\n option originalto header X-Dst\n server s 127.0.0.1:{_server.Port}\n" +
                $"backend xh\n option forwardfor header X-Client\n server s 127.0.0.1:{_server.Port}\n");
        }

        /// <summary>Sends the request head (Connection: close added) and returns the answer and what reached the server, normalised.</summary>
        public async Task<(Answer Answer, string? AtServer)> SendAsync(int port, string head)
        {
            while (_server!.Received.TryDequeue(out _))
            {
            }

            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head + "Connection: close\r\n\r\n"));
            using var reader = new StreamReader(stream, Encoding.ASCII);
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var raw = await reader.ReadToEndAsync(cancel.Token);
            var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var lines = (split < 0 ? raw : raw[..split]).Split("\r\n");
            var headers = lines.Skip(1)
                .Select(l => (Name: l[..l.IndexOf(':', StringComparison.Ordinal)].ToLowerInvariant(), Value: l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
                .Where(h => Compared.Contains(h.Name))
                .OrderBy(h => h.Name, StringComparer.Ordinal)
                .Select(h => $"{h.Name}: {h.Value}");
            var answer = new Answer(lines[0], string.Join("\n", headers), split < 0 ? "" : raw[(split + 4)..]);
            return (answer, _server.Received.TryDequeue(out var received) ? Describe(received) : null);
        }

        // One line per header name in arrival order, its values joined with ", " (this proxy forwards repeated lines
        // of a name as one comma-joined line, which a server reads as the same list).
        private static string Describe(ReceivedRequest request)
        {
            var headers = request.Headers
                .GroupBy(h => h.Name.ToLowerInvariant())
                .Where(g => g.Key is not ("connection" or "content-length"))
                .Select(g => $"{g.Key}: {string.Join(", ", g.Select(h => h.Value))}");
            return $"{request.Method} {request.Target}\n{string.Join("\n", headers)}";
        }

        public async Task DisposeAsync()
        {
            _pair?.Dispose();
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }
    }

    /// <summary>What the client saw: the status line, the compared headers (sorted), the body.</summary>
    public sealed record Answer(string StatusLine, string Headers, string Body);
}
