using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>
/// The request head a server receives, byte for byte, from Debian's haproxy 2.6 and from this proxy for the same
/// client request: names lower-cased, each header line kept (no joined duplicates), the client's Connection
/// tokens for its own connection dropped, nothing added but X-Forwarded-For (no Content-Length: 0 on a bodyless
/// request with a Content-Type).
/// </summary>
public sealed class UpstreamWireParityTests
{
    private static string Config(int port, int serverPort, string option)
        => "defaults\n mode http\n timeout connect 1s\n timeout client 10s\n timeout server 10s\n" +
            $"frontend fe\n bind 127.0.0.1:{port}\n option forwardfor\n{option} default_backend be\n" +
            $"backend be\n server s 127.0.0.1:{serverPort}\n";

    // Whole heads compared, in the client's order (src/Proxy/Wire keeps it; Kestrel's dictionary does not), the
    // client's other Connection tokens included (Kestrel keeps only close/keep-alive/upgrade; the raw line has them).
    [RequiresHaproxyTheory]
    [InlineData("GET /x HTTP/1.1\r\nHost: a\r\nConnection: close, X-Hop, TE\r\nX-Hop: 1\r\nTE: trailers\r\n\r\n", "")]
    [InlineData("GET /x HTTP/1.1\r\nUser-Agent: t\r\nhost: a.example\r\nX-Dup: 1\r\nAccept: */*\r\nX-Dup: 2\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n", "")]
    [InlineData("GET /x HTTP/1.1\r\nUser-Agent: t\r\nhost: a.example\r\nX-Del: 1\r\nAccept: */*\r\nX-Keep: k\r\nConnection: close\r\n\r\n",
        " http-request set-header Accept text/html\n http-request replace-header User-Agent (.*) X\\1\n http-request add-header X-New n\n http-request del-header X-Del\n")]
    [InlineData("GET /a%2Fb/../c?x=1&y=%zz HTTP/1.1\r\nHost: h.example:8080\r\nConnection: close\r\nX-Hop: h\r\nX-A: 1\r\nX-A: 2\r\nx-Mixed-Case: V  w\r\n\r\n", "")]
    [InlineData("DELETE /o HTTP/1.1\r\nHost: h\r\nConnection: close\r\nContent-Type: text/plain\r\nX-Z: 1\r\n\r\n", "")]
    [InlineData("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\nX-Cookie-Like: a=1; b=2\r\nX-Cookie-Like: c=3\r\n\r\n", " option http-server-close\n")]
    public async Task RequestHead_SameClientRequest_SameBytesAsHaproxy(string request, string option)
    {
        await using var backend = RawTcpBackend.Start();
        using var pair = await SideBySide.StartAsync(port => Config(port, backend.Port, option));

        var expected = await HeadAsync(pair.HaproxyPort, backend, request);
        var actual = await HeadAsync(pair.ProxyPort, backend, request);

        Assert.True(expected == actual, $"haproxy sent:\n{expected}\nthe proxy sent:\n{actual}");
    }

    // A request with a body: known and unknown headers mixed, in the client's order.
    [RequiresHaproxyFact]
    public async Task RequestHead_BodyAndKnownHeaders_SameBytesAsHaproxy()
    {
        await using var backend = RawTcpBackend.Start();
        using var pair = await SideBySide.StartAsync(port => Config(port, backend.Port, ""));
        const string request = "POST /p HTTP/1.1\r\nHost: h\r\nConnection: close\r\nX-First: 1\r\nUser-Agent: ua\r\nContent-Length: 3\r\nAccept: */*\r\nX-Last: 2\r\n\r\nabc";

        var expected = await HeadAsync(pair.HaproxyPort, backend, request);
        var actual = await HeadAsync(pair.ProxyPort, backend, request);

        Assert.True(expected == actual, $"haproxy sent:\n{expected}\nthe proxy sent:\n{actual}");
    }

    // Two requests on one connection, the first with a body: the second head is recorded after the first body.
    [RequiresHaproxyFact]
    public async Task RequestHead_SecondRequestAfterABody_ClientOrderAsHaproxy()
    {
        await using var backend = RawTcpBackend.Start();
        using var pair = await SideBySide.StartAsync(port => Config(port, backend.Port, ""));
        const string requests = "POST /p HTTP/1.1\r\nX-First: 1\r\nHost: h\r\nContent-Length: 5\r\nAccept: */*\r\n\r\nabcde" +
            "GET /g HTTP/1.1\r\nX-Z: z\r\nAccept: a\r\nHost: h\r\nConnection: close\r\n\r\n";

        var expected = await HeadsAsync(pair.HaproxyPort, backend, requests);
        var actual = await HeadsAsync(pair.ProxyPort, backend, requests);

        Assert.True(expected == actual, $"haproxy sent:\n{expected}\nthe proxy sent:\n{actual}");
    }

    private static async Task<string> HeadsAsync(int port, RawTcpBackend backend, string requests)
    {
        while (backend.Heads.TryDequeue(out _))
        {
        }

        await RawHttpClient.ExchangeAsync(port, requests);
        return await backend.NextHeadAsync() + "\n---\n" + await backend.NextHeadAsync();
    }

    private static async Task<string> HeadAsync(int port, RawTcpBackend backend, string request)
    {
        while (backend.Heads.TryDequeue(out _))
        {
        }

        // Every request says Connection: close, so the exchange ends with the response (the token is not forwarded).
        var response = await RawHttpClient.ExchangeAsync(port, request);
        Assert.StartsWith("HTTP/1.1 200", response);
        return await backend.NextHeadAsync();
    }
}
