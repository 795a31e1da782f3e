using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>
/// `option http-keep-alive`, `option http-server-close` and `option httpclose` side by side with Debian's haproxy 2.6:
/// the Connection header the server receives, the one the client receives, and whether the client connection stays open.
/// </summary>
public sealed class ConnectionModeParityTests
{
    [RequiresHaproxyTheory]
    [InlineData("frontend", "option http-keep-alive")]
    [InlineData("frontend", "option http-server-close")]
    [InlineData("frontend", "option httpclose")]
    [InlineData("backend", "option http-server-close")]
    [InlineData("backend", "option httpclose")]
    [InlineData("frontend", "option httpclose\n option http-keep-alive")]
    public async Task Option_KeepAliveRequest_SameConnectionHandlingAsHaproxy(string side, string option)
    {
        await using var server = await TestBackend.StartAsync("be", context =>
        {
            context.Response.ContentLength = 2;
            return context.Response.WriteAsync("ok");
        });
        using var pair = await SideBySide.StartAsync(port =>
            "defaults\n mode http\n timeout connect 1s\n timeout client 10s\n timeout server 10s\n" +
            $"frontend fe\n bind 127.0.0.1:{port}\n{(side == "frontend" ? $" {option}\n" : "")} default_backend be\n" +
            $"backend be\n{(side == "backend" ? $" {option}\n" : "")} server s 127.0.0.1:{server.Port}\n");

        var expected = await ExchangeAsync(pair.HaproxyPort, server);
        var actual = await ExchangeAsync(pair.ProxyPort, server);

        Assert.Equal(expected, actual);
    }

    // One keep-alive request: (Connection at the server, Connection at the client, client connection closed after?).
    private static async Task<(string? AtServer, string? AtClient, bool Closed)> ExchangeAsync(int port, TestBackend server)
    {
        while (server.Received.TryDequeue(out _))
        {
        }

        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /x HTTP/1.1\r\nHost: h\r\n\r\n"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[4096];
        var received = new StringBuilder();
        while (!received.ToString().EndsWith("\r\n\r\nok", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, cancel.Token);
            Assert.True(read > 0, $"connection closed before the whole response: {received}");
            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        var connection = received.ToString().Split("\r\n")
            .FirstOrDefault(l => l.StartsWith("connection:", StringComparison.OrdinalIgnoreCase))?[11..].Trim().ToLowerInvariant();

        // Closed: the next read ends; open: it is still waiting after a bounded wait.
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        bool closed;
        try
        {
            closed = await stream.ReadAsync(buffer, wait.Token) == 0;
        }
        catch (OperationCanceledException)
        {
            closed = false;
        }

        Assert.True(server.Received.TryDequeue(out var request));
        return (request.Header("Connection")?.ToLowerInvariant(), connection, closed);
    }
}
