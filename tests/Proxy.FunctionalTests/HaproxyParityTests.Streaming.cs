using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>
/// Side by side with haproxy 2.6 for error pages and for what reaches a server. Known differences, from Kestrel and
/// SocketsHttpHandler and not fixable from the proxy: HAProxy lower-cases every header name it emits, while ours keep
/// the canonical case for well-known names (Content-Length, Host) and the case received for the rest; Kestrel adds a
/// Date header to responses and emits well-known headers in its own order. So these tests compare names
/// case-insensitively and leave Date out, and compare everything else exactly.
/// </summary>
public partial class HaproxyParityTests
{
    private const string ParityDefaults = "defaults\n mode http\n timeout connect 1s\n timeout client 10s\n timeout server 10s\n";

    [RequiresHaproxyTheory]
    [InlineData("errorfile 503 page.http")]
    [InlineData("errorloc 503 http://status.example/down")]
    [InlineData("errorloc303 503 /sorry?x=1")]
    [InlineData("errorfiles site")]
    public async Task Http_ConfiguredErrorPage_SameStatusHeadersAndBodyAsHaproxy(string directive)
    {
        using var dir = new TempDirectory();
        await dir.WriteAsync("page.http",
            "HTTP/1.1 503 Back Soon\r\nContent-Type: text/plain\r\nCache-Control: no-store\r\nX-Maintenance: yes\r\nContent-Length: 9\r\n\r\nlater...\n");
        var responses = await BothAsync(dir, port =>
            "http-errors site\n errorfile 503 page.http\n" + ParityDefaults + $"frontend fe\n bind 127.0.0.1:{port}\n {directive}\n",
            port => RawHttpClient.ExchangeAsync(port, "GET / HTTP/1.1\r\nHost: example\r\nConnection: close\r\n\r\n"));

        var expected = RawHttpClient.Parse(responses.Haproxy);
        var actual = RawHttpClient.Parse(responses.Proxy);

        Assert.Equal(expected.StatusLine, actual.StatusLine);
        Assert.Equal(expected.Body, actual.Body);
        Assert.Equal(Comparable(expected.Headers), Comparable(actual.Headers));
    }

    [RequiresHaproxyFact]
    public async Task BuiltInPages_EveryStatus_SameStatusLineHeadersAndBodyAsHaproxy()
    {
        int[] statuses = [200, 400, 401, 403, 404, 405, 407, 408, 410, 413, 425, 429, 500, 501, 502, 503, 504];
        var ports = statuses.ToDictionary(s => s, _ => FreePort.Next());
        using var dir = new TempDirectory();
        await dir.WriteAsync("codes.cfg", ParityDefaults + string.Concat(statuses.Select(s =>
            $"frontend f{s}\n bind 127.0.0.1:{ports[s]}\n http-request deny deny_status {s}\n")));
        using var haproxy = ExternalProcess.Start(Haproxy.Require(), ["-db", "-f", "codes.cfg"], dir.Path);
        await PortWaiter.WaitAsync(ports[504], haproxy, TimeSpan.FromSeconds(30));

        foreach (var status in statuses)
        {
            var expected = RawHttpClient.Parse(await RawHttpClient.ExchangeAsync(ports[status], "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
            var actual = await RenderAsync(status);

            Assert.Equal(expected.StatusLine, actual.StatusLine);
            Assert.Equal(expected.Body, actual.Body);
            // The request asked to close, so HAProxy says "connection: close" on every page; Kestrel adds its own
            // Connection header for that, so it is compared apart: ours must carry it where HAProxy always closes.
            Assert.Equal(WithoutConnection(expected.Headers), WithoutConnection(actual.Headers));
            Assert.Equal(status is 400 or 408, actual.Headers.Contains("Connection: close"));
        }
    }

    // Our page for a status as Kestrel would put it on the wire: status line with the reason phrase, headers, body.
    private static async Task<(string StatusLine, string[] Headers, string Body)> RenderAsync(int status)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { Response = { Body = new MemoryStream() } };
        await Http.HaproxyErrorPages.WriteAsync(context.Response, status);
        var reason = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseFeature>()!.ReasonPhrase;
        var headers = context.Response.Headers.Select(h => $"{h.Key}: {h.Value}").ToArray();
        var body = System.Text.Encoding.Latin1.GetString(((MemoryStream)context.Response.Body).ToArray());
        return ($"HTTP/1.1 {status} {reason}", headers, body);
    }

    [RequiresHaproxyFact]
    public async Task Http_ClientSendsNothing_Same408BytesAsHaproxyAfterTimeoutHttpRequest()
    {
        using var dir = new TempDirectory();
        var responses = await BothAsync(dir,
            port => ParityDefaults + $" timeout http-request 300ms\nfrontend fe\n bind 127.0.0.1:{port}\n",
            port => RawHttpClient.ExchangeAsync(port, "", TimeSpan.FromSeconds(5)));

        Assert.StartsWith("HTTP/1.1 408 Request Time-out\r\n", responses.Haproxy);
        Assert.Equal(responses.Haproxy, responses.Proxy);
    }

    [RequiresHaproxyFact]
    public async Task Http_RequestToServer_SameRequestLineAndHeaderFieldsAsHaproxy()
    {
        await using var backend = RawTcpBackend.Start();
        using var dir = new TempDirectory();
        const string request =
            "PUT /bucket/a%2Fb+c/%7E/../d?X-Amz-Signature=ab%2F%3D&q=a+b HTTP/1.1\r\nUser-Agent: aws-cli/2\r\nHost: Bucket.S3.Example:7480\r\n" +
            "x-amz-date: 20260101T000000Z\r\nContent-Type: application/octet-stream\r\nX-Mixed-Case: Some  Value\r\nContent-Length: 5\r\n" +
            "Authorization: AWS4-HMAC-SHA256 Credential=x\r\n\r\nhello";
        var heads = new List<string>();
        await BothAsync(dir, port => ParityDefaults + $"frontend fe\n bind 127.0.0.1:{port}\n default_backend be\nbackend be\n server s1 127.0.0.1:{backend.Port}\n",
            async port =>
            {
                var answer = await RawHttpClient.ExchangeAsync(port, request, TimeSpan.FromSeconds(2));
                heads.Add(await backend.NextHeadAsync());
                return answer;
            });

        var expected = heads[0].Split("\r\n");
        var actual = heads[1].Split("\r\n");

        Assert.Equal(expected[0], actual[0]);
        Assert.Equal(Comparable(expected[1..]), Comparable(actual[1..]));
    }

    // Runs the same exchange against haproxy and against our proxy, each started from its own copy of the config.
    private static async Task<(string Haproxy, string Proxy)> BothAsync(TempDirectory dir, Func<int, string> config, Func<int, Task<string>> exchange)
    {
        var (haproxyPort, proxyPort) = (FreePort.Next(), FreePort.Next());
        await dir.WriteAsync("h.cfg", config(haproxyPort));
        await dir.WriteAsync("p.cfg", config(proxyPort));
        using var haproxy = ExternalProcess.Start(Haproxy.Require(), ["-db", "-f", "h.cfg"], dir.Path);
        await PortWaiter.WaitAsync(haproxyPort, haproxy, TimeSpan.FromSeconds(30));
        var fromHaproxy = await exchange(haproxyPort);
        using var proxy = ExternalProcess.StartProxy(["-f", "p.cfg"], dir.Path);
        await PortWaiter.WaitAsync(proxyPort, proxy, TimeSpan.FromSeconds(30));
        var fromProxy = await exchange(proxyPort);
        return (fromHaproxy, fromProxy);
    }

    private static string[] WithoutConnection(IEnumerable<string> headers)
        => Comparable(headers.Where(h => !h.StartsWith("connection:", StringComparison.OrdinalIgnoreCase)));

    // Header fields with lower-cased names, sorted, without Date and the blank end of the head.
    private static string[] Comparable(IEnumerable<string> headers)
        => [.. headers.Where(h => h.Length > 0)
            .Select(h => h.Split(':', 2))
            .Select(p => $"{p[0].ToLowerInvariant()}:{p[1].Trim()}")
            .Where(h => !h.StartsWith("date:", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
}
