using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>
/// What HTTP mode must carry untouched: WebSocket tunnels, HTTP/2 cleartext from clients, Expect: 100-continue,
/// chunked uploads, and the request target and headers as the client wrote them.
/// </summary>
public class StreamingTests
{
    private const string Defaults = "defaults\n    mode http\n    timeout connect 2s\n    timeout client 10s\n    timeout server 10s\n";

    private static string Config(int port, int serverPort, string backendExtra = "")
        => Defaults + $"frontend fe\n    bind 127.0.0.1:{port}\n    default_backend be\nbackend be\n{backendExtra}    server s1 127.0.0.1:{serverPort}\n";

    [Fact]
    public async Task WebSocket_EchoBackend_MessagesTunnelBothWays()
    {
        await using var backend = await KestrelBackend.StartAsync(EchoWebSocketAsync);
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, backend.Port));
        using var socket = new ClientWebSocket();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/echo"), cancel.Token);
        var replies = new List<string>();
        foreach (var message in new[] { "hello", new string('x', 70_000), "bye" })
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, cancel.Token);
            replies.Add(await ReceiveTextAsync(socket, cancel.Token));
        }

        Assert.Equal(["hello", new string('x', 70_000), "bye"], replies);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", cancel.Token);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
    }

    [Fact]
    public async Task WebSocket_OverH2cExtendedConnect_TunnelsToHttp11Server()
    {
        await using var backend = await KestrelBackend.StartAsync(EchoWebSocketAsync);
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, backend.Port));
        using var socket = new ClientWebSocket();
        socket.Options.HttpVersion = HttpVersion.Version20;
        socket.Options.HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        socket.Options.CollectHttpResponseDetails = true;
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler { UseProxy = false });
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/echo"), invoker, cancel.Token);
        await socket.SendAsync("over h2"u8.ToArray(), WebSocketMessageType.Text, true, cancel.Token);

        Assert.Equal("over h2", await ReceiveTextAsync(socket, cancel.Token));
        Assert.Equal(HttpStatusCode.OK, socket.HttpStatusCode);
    }

    [Fact]
    public async Task WebSocket_TimeoutTunnel_IdleTunnelClosedLongBeforeTimeoutServer()
    {
        await using var backend = await KestrelBackend.StartAsync(EchoWebSocketAsync);
        var port = FreePort.Next();
        // timeout server is 10 s; timeout tunnel (300 ms) must take over once the connection is upgraded.
        await using var proxy = await InProcessProxy.StartAsync(Config(port, backend.Port, "    timeout tunnel 300ms\n"));
        using var socket = new ClientWebSocket();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/echo"), cancel.Token);

        var ended = false;
        try
        {
            var result = await socket.ReceiveAsync(new byte[16], cancel.Token);
            ended = result.MessageType == WebSocketMessageType.Close;
        }
        catch (WebSocketException)
        {
            ended = true;
        }

        Assert.True(ended && !cancel.IsCancellationRequested, "the idle tunnel was still open after 5 s");
    }

    [Fact]
    public async Task H2c_PriorKnowledgeClient_Answered_InHttp2_ServerSeesHttp11()
    {
        await using var backend = await KestrelBackend.StartAsync(AnswerProtocolAsync);
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, backend.Port));
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/h2c")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal("HTTP/1.1", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task H2c_Http11ClientOnSameBind_StillServed()
    {
        await using var backend = await KestrelBackend.StartAsync(AnswerProtocolAsync);
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, backend.Port));

        var (status, _, body) = RawHttpClient.Parse(await RawHttpClient.ExchangeAsync(port, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));

        Assert.Equal("HTTP/1.1 200 OK", status);
        Assert.Equal("HTTP/1.1", body);
    }

    [Fact]
    public async Task Expect100Continue_ServerReadsBody_ClientGets100ThenResponse_ServerSawExpect()
    {
        string? expect = null;
        await using var backend = await KestrelBackend.StartAsync(async context =>
        {
            expect = context.Request.Headers.Expect;
            var hash = Convert.ToHexString(await SHA256.HashDataAsync(context.Request.Body));
            context.Response.ContentLength = hash.Length;
            await context.Response.WriteAsync(hash);
        });
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, backend.Port));
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await stream.WriteAsync("PUT /bucket/key HTTP/1.1\r\nHost: s3\r\nContent-Length: 5\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"u8.ToArray(), cancel.Token);
        var interim = await ReadHeadAsync(stream, cancel.Token);
        await stream.WriteAsync("hello"u8.ToArray(), cancel.Token);
        var rest = await new StreamReader(stream, Encoding.Latin1).ReadToEndAsync(cancel.Token);

        Assert.StartsWith("HTTP/1.1 100 Continue\r\n", interim);
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", rest);
        Assert.EndsWith(Convert.ToHexString(SHA256.HashData("hello"u8)), rest);
        Assert.Equal("100-continue", expect);
    }

    [Fact]
    public async Task Expect100Continue_ServerRefusesWithoutReading_ClientGetsFinalStatusWithout100()
    {
        await using var backend = await KestrelBackend.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return context.Response.WriteAsync("denied");
        });
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, backend.Port));
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await stream.WriteAsync("PUT /bucket/key HTTP/1.1\r\nHost: s3\r\nContent-Length: 1000000\r\nExpect: 100-continue\r\n\r\n"u8.ToArray(), cancel.Token);
        var head = await ReadHeadAsync(stream, cancel.Token);

        Assert.StartsWith("HTTP/1.1 403 Forbidden\r\n", head);
    }

    [Fact]
    public async Task ChunkedUpload_BodyArrivesWhole_AndStaysChunked()
    {
        await using var backend = await TestBackend.StartAsync("be");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, backend.Port));
        var chunks = new[] { "first chunk;", new string('b', 40_000), "last" };
        var request = new StringBuilder("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        foreach (var chunk in chunks)
        {
            request.Append($"{chunk.Length:x}\r\n{chunk}\r\n");
        }

        request.Append("0\r\n\r\n");

        var (status, _, _) = RawHttpClient.Parse(await RawHttpClient.ExchangeAsync(port, request.ToString()));

        Assert.Equal("HTTP/1.1 200 OK", status);
        var received = Assert.Single(backend.Received);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(string.Concat(chunks)))), received.BodySha256);
        Assert.Equal("chunked", received.Header("Transfer-Encoding"));
        Assert.Null(received.Header("Content-Length"));
    }

    [Fact]
    public async Task RequestTarget_EncodedPathQueryAndDotSegments_ReachServerByteForByte()
    {
        await using var backend = RawTcpBackend.Start();
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, backend.Port));
        const string target = "/b/a%2Fb%20c+d/%7Euser/../x/./y//z?X-Amz-Signature=ab%2Fcd%3D&q=a+b&empty=&bad=%zz";

        await RawHttpClient.ExchangeAsync(port, $"GET {target} HTTP/1.1\r\nHost: b.s3.example:8080\r\nConnection: close\r\n\r\n");
        var head = await backend.NextHeadAsync();

        Assert.StartsWith($"GET {target} HTTP/1.1\r\n", head);
        // haproxy 2.6 sends header names lower-cased (HTX).
        Assert.Contains("\r\nhost: b.s3.example:8080\r\n", head);
    }

    [Fact]
    public async Task Headers_CustomHeaders_KeepCaseValueAndRelativeOrder()
    {
        await using var backend = RawTcpBackend.Start();
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, backend.Port));
        string[] custom = ["x-amz-date: 20260101T000000Z", "X-Mixed-Case: Value  with  spaces", "x-amz-content-sha256: UNSIGNED-PAYLOAD", "X-A: 1", "X-A: 2"];

        await RawHttpClient.ExchangeAsync(port,
            $"GET / HTTP/1.1\r\n{custom[0]}\r\nHost: h\r\n{custom[1]}\r\nUser-Agent: ua\r\n{custom[2]}\r\n{custom[3]}\r\n{custom[4]}\r\nConnection: close\r\n\r\n");
        var lines = (await backend.NextHeadAsync()).Split("\r\n");

        // As haproxy 2.6: names lower-cased, values untouched, a repeated field repeated line by line; headers
        // Kestrel does not know keep their relative order.
        Assert.Equal([.. custom.Select(LowerName)], lines.Where(l => l.StartsWith("x-", StringComparison.OrdinalIgnoreCase)));
        Assert.Contains("host: h", lines);
        Assert.Contains("user-agent: ua", lines);
    }

    private static string LowerName(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return line[..colon].ToLowerInvariant() + line[colon..];
    }

    private static Task AnswerProtocolAsync(HttpContext context)
    {
        context.Response.ContentLength = context.Request.Protocol.Length;
        return context.Response.WriteAsync(context.Request.Protocol);
    }

    private static async Task EchoWebSocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[16384];
        while (true)
        {
            var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", context.RequestAborted);
                return;
            }

            await socket.SendAsync(message.ToArray(), result.MessageType, true, context.RequestAborted);
        }
    }

    private static async Task<string> ReceiveTextAsync(ClientWebSocket socket, CancellationToken cancel)
    {
        var buffer = new byte[16384];
        var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancel);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return Encoding.UTF8.GetString(message.ToArray());
    }

    // Reads one response head (through the blank line) byte by byte, so nothing after it is consumed.
    private static async Task<string> ReadHeadAsync(Stream stream, CancellationToken cancel)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, cancel) == 0)
            {
                break;
            }

            head.Append((char)one[0]);
        }

        return head.ToString();
    }
}
