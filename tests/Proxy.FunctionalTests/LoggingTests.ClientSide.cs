using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Proxy.FunctionalTests.Common;
using Proxy.FunctionalTests.Logging;

namespace Proxy.FunctionalTests;

/// <summary>
/// What the client side gets and what is logged when the client is at fault, side by side with haproxy 2.6.12:
/// a malformed, cut or late request head (haproxy's raw 400/408 page and its "&lt;BADREQ&gt;" line), a client that
/// stops reading a response (`timeout client`, cD), and responses that carry no Date header.
/// </summary>
public sealed partial class LoggingTests
{
    [RequiresHaproxyFact]
    public async Task RefusedRequestHeads_SideBySide_SameBytesAndSameBadreqLines()
    {
        await using var backend = await TestBackend.StartAsync("s1");
        using var haproxyLog = new UdpLogListener();
        using var proxyLog = new UdpLogListener();
        var (haproxyPort, proxyPort) = (FreePort.Next(), FreePort.Next());
        using var dir = new TempDirectory();
        string Cfg(int port, int logPort) =>
            $"global\n log 127.0.0.1:{logPort} local0\n" +
            "defaults\n mode http\n log global\n option httplog\n timeout connect 2s\n timeout client 1s\n timeout server 10s\n" +
            $"frontend fe\n bind 127.0.0.1:{port}\n default_backend be\nbackend be\n server s1 127.0.0.1:{backend.Port}\n";
        await dir.WriteAsync("h.cfg", Cfg(haproxyPort, haproxyLog.Port));
        await dir.WriteAsync("p.cfg", Cfg(proxyPort, proxyLog.Port));
        using var haproxy = ExternalProcess.Start(Haproxy.Require(), ["-db", "-f", "h.cfg"], dir.Path);
        using var proxy = ExternalProcess.StartProxy(["-f", "p.cfg"], dir.Path);
        await PortWaiter.WaitAsync(haproxyPort, haproxy, Limit);
        await PortWaiter.WaitAsync(proxyPort, proxy, Limit);
        (string Request, bool HalfClose)[] probes =
        [
            ("GET / HTTP/1.1\r\nHost x\r\n\r\n", false),         // malformed header line: 400 PR--
            ("GARBAGE\r\n\r\n", false),                            // malformed request line: 400 PR--
            ("GET / HTTP/1.1\r\nHost: x\r\n", true),              // the client closes mid-head: 400 CR--
            ("GET / HTTP/1.1\r\nHost: x\r\n", false),             // the head never completes: 408 cR--
            ("", false),                                           // nothing at all: 408 cR--
            ("", true),                                            // closed before any byte: 400 CR--
            ("GET /first HTTP/1.1\r\nHost: x\r\n\r\nGARBAGE\r\n\r\n", false), // a good request, then a bad one: 200, then 400 PR--
            ("POST /first HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabcGARBAGE\r\n\r\n", false), // the same after a body
        ];

        // The readiness probe's connection, closed without a byte, is itself logged as a bad request (400 CR--).
        var seen = (await haproxyLog.WaitForAsync("<BADREQ>", 1, Limit)).Length;
        Assert.Equal(seen, (await proxyLog.WaitForAsync("<BADREQ>", seen, Limit)).Length);

        foreach (var (request, halfClose) in probes)
        {
            var expected = await ExchangeRawAsync(haproxyPort, request, halfClose);
            var actual = await ExchangeRawAsync(proxyPort, request, halfClose);
            var expectedLines = await haproxyLog.WaitForAsync("<BADREQ>", seen + 1, Limit);
            var actualLines = await proxyLog.WaitForAsync("<BADREQ>", seen + 1, Limit);

            // Kestrel takes a client's FIN for the end of the connection and may close before the page is out
            // (README: differences); the line is logged either way.
            Assert.True(
                Comparable(expected) == Comparable(actual) || (halfClose && actual.Length == 0),
                $"for {request.ReplaceLineEndings("|")} (half-close {halfClose}) haproxy sent\n{expected}\nand the proxy\n{actual}");
            Assert.Equal(seen + 1, expectedLines.Length);
            Assert.Equal(Mask(expectedLines[seen]), Mask(actualLines[seen]));
            seen++;
        }
    }

    [RequiresHaproxyFact]
    public async Task ClientStopsReading_SideBySide_CutAfterTimeoutClientAndLoggedCd()
    {
        // Bounded: at most 1 GiB, and the proxy drops the server connection once the client is cut.
        await using var backend = await TestBackend.StartAsync("s1", async c =>
        {
            c.Response.ContentLength = 1L << 30;
            var chunk = new byte[64 * 1024];
            for (var sent = 0L; sent < 1L << 30 && !c.RequestAborted.IsCancellationRequested; sent += chunk.Length)
            {
                await c.Response.Body.WriteAsync(chunk, c.RequestAborted);
            }
        });
        using var haproxyLog = new UdpLogListener();
        using var proxyLog = new UdpLogListener();
        var (haproxyPort, proxyPort) = (FreePort.Next(), FreePort.Next());
        using var dir = new TempDirectory();
        string Cfg(int port, int logPort) =>
            $"global\n log 127.0.0.1:{logPort} local0\n" +
            "defaults\n mode http\n log global\n option httplog\n timeout connect 2s\n timeout client 1s\n timeout server 10s\n" +
            $"frontend fe\n bind 127.0.0.1:{port}\n default_backend be\nbackend be\n server s1 127.0.0.1:{backend.Port}\n";
        await dir.WriteAsync("h.cfg", Cfg(haproxyPort, haproxyLog.Port));
        await dir.WriteAsync("p.cfg", Cfg(proxyPort, proxyLog.Port));
        using var haproxy = ExternalProcess.Start(Haproxy.Require(), ["-db", "-f", "h.cfg"], dir.Path);
        using var proxy = ExternalProcess.StartProxy(["-f", "p.cfg"], dir.Path);
        await PortWaiter.WaitAsync(haproxyPort, haproxy, Limit);
        await PortWaiter.WaitAsync(proxyPort, proxy, Limit);

        // Neither client reads a byte of its response.
        using var toHaproxy = await SendWithoutReadingAsync(haproxyPort, "/stalled");
        using var toProxy = await SendWithoutReadingAsync(proxyPort, "/stalled");
        var expected = Assert.Single(await haproxyLog.WaitForAsync("/stalled", 1, Limit));
        var actual = Assert.Single(await proxyLog.WaitForAsync("/stalled", 1, Limit));

        var layout = new Regex(@" fe be/s1 \d+/\d+/\d+/\d+/(\d+) 200 \d+ - - cD-- 1/1/0/0/0 0/0 ""GET /stalled HTTP/1\.1""");
        Assert.Matches(layout, expected);
        Assert.Matches(layout, actual);
        // Ta is about timeout client: the response started at once, then nothing moved for 1 s.
        var activeMs = long.Parse(layout.Match(actual).Groups[1].Value);
        Assert.InRange(activeMs, 900, 5000);
    }

    [RequiresHaproxyFact]
    public async Task ResponseWithoutDate_SideBySide_NoneAddedToServerResponseOrErrorPage()
    {
        await using var server = RawTcpBackend.Start();
        var closedPort = FreePort.Next();
        using var pair = await SideBySide.StartAsync(port =>
            "defaults\n mode http\n timeout connect 2s\n timeout client 10s\n timeout server 10s\n" +
            $"frontend fe\n bind 127.0.0.1:{port}\n use_backend down if {{ path_beg /down }}\n default_backend be\n" +
            $"backend be\n server s1 127.0.0.1:{server.Port}\nbackend down\n server s1 127.0.0.1:{closedPort}\n");

        foreach (var path in new[] { "/up", "/down" })
        {
            var expected = RawHttpClient.Parse(await RawHttpClient.ExchangeAsync(pair.HaproxyPort, $"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
            var actual = RawHttpClient.Parse(await RawHttpClient.ExchangeAsync(pair.ProxyPort, $"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));

            Assert.Equal(expected.StatusLine, actual.StatusLine);
            Assert.DoesNotContain(expected.Headers, h => h.StartsWith("date:", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(actual.Headers, h => h.StartsWith("date:", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task ResponseWithDate_ServersDateKept()
    {
        await using var backend = await TestBackend.StartAsync("s1", c =>
        {
            c.Response.Headers.Date = "Sun, 06 Nov 1994 08:49:37 GMT";
            return Task.CompletedTask;
        });
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, backend.Port));

        var (_, headers, _) = RawHttpClient.Parse(await RawHttpClient.ExchangeAsync(port, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));

        Assert.Equal(["Date: Sun, 06 Nov 1994 08:49:37 GMT"], headers.Where(h => h.StartsWith("Date:", StringComparison.OrdinalIgnoreCase)));
    }

    private static async Task<string> ExchangeRawAsync(int port, string request, bool halfClose)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        if (halfClose)
        {
            client.Client.Shutdown(SocketShutdown.Send);
        }

        using var cancel = new CancellationTokenSource(Limit);
        var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancel.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // A reset after the answer: what was received is the answer.
        }

        return Encoding.ASCII.GetString(received.ToArray());
    }

    // A connection with a small receive window that sends one request and then reads nothing.
    private static async Task<TcpClient> SendWithoutReadingAsync(int port, string path)
    {
        var client = new TcpClient { ReceiveBufferSize = 4096 };
        await client.ConnectAsync(IPAddress.Loopback, port);
        await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n"));
        return client;
    }

    // The refusal's bytes exactly; a forwarded response before it without its Date (the test backend dates each
    // response) and with header names lower-cased (haproxy lower-cases them, Kestrel does not: README).
    private static string Comparable(string response)
    {
        var refusal = response.LastIndexOf("HTTP/1.1 4", StringComparison.Ordinal);
        var forwarded = refusal <= 0 ? "" : response[..refusal];
        return Regex.Replace(forwarded, "(?im)^date: [^\r\n]*\r\n", "").ToLowerInvariant() + response[Math.Max(refusal, 0)..];
    }
}
