using System.Net;
using System.Net.Sockets;
using System.Text;
using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>
/// `bind … maxconn N` side by side with haproxy 2.6.12: a listener serves N connections at once; the next one is
/// left in the backlog (connected, unanswered) until one of the N closes, and is never refused.
/// </summary>
public sealed class BindMaxConnParityTests
{
    [RequiresHaproxyFact]
    public async Task BindMaxConn_ExcessConnectionWaitsForAFreeSlot_AsHaproxy()
    {
        await using var backend = await TestBackend.StartAsync("a");
        using var pair = await SideBySide.StartAsync(port =>
            "defaults\n mode http\n timeout connect 1s\n timeout client 10s\n timeout server 10s\n" +
            $"frontend fe\n bind 127.0.0.1:{port} maxconn 1\n default_backend be\nbackend be\n server a 127.0.0.1:{backend.Port}\n");

        foreach (var port in new[] { pair.HaproxyPort, pair.ProxyPort })
        {
            using var first = new TcpClient();
            await first.ConnectAsync(IPAddress.Loopback, port);
            Assert.StartsWith("HTTP/1.1 200", await RoundTripAsync(first, "/a1"));

            using var second = new TcpClient();
            await second.ConnectAsync(IPAddress.Loopback, port);
            var waiting = RoundTripAsync(second, "/b");
            // The first connection keeps being served while the second waits for the listener's only slot.
            Assert.StartsWith("HTTP/1.1 200", await RoundTripAsync(first, "/a2"));
            Assert.False(waiting.IsCompleted, $"port {port} answered a connection beyond the bind's maxconn");
            first.Close();

            Assert.StartsWith("HTTP/1.1 200", await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        }
    }

    [Fact]
    public async Task BindMaxConn_OtherListenerOfTheFrontend_NotLimited()
    {
        await using var backend = await TestBackend.StartAsync("a");
        var (limited, free) = (FreePort.Next(), FreePort.Next());
        await using var proxy = await InProcessProxy.StartAsync(
            "defaults\n mode http\n timeout connect 1s\n timeout client 10s\n timeout server 10s\n" +
            $"frontend fe\n bind 127.0.0.1:{limited} maxconn 1\n bind 127.0.0.1:{free}\n default_backend be\nbackend be\n server a 127.0.0.1:{backend.Port}\n");
        using var first = new TcpClient();
        await first.ConnectAsync(IPAddress.Loopback, limited);
        Assert.StartsWith("HTTP/1.1 200", await RoundTripAsync(first, "/a"));

        using var other = new TcpClient();
        await other.ConnectAsync(IPAddress.Loopback, free);

        Assert.StartsWith("HTTP/1.1 200", await RoundTripAsync(other, "/other").WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static async Task<string> RoundTripAsync(TcpClient client, string path)
    {
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n"));
        var buffer = new byte[4096];
        var text = new StringBuilder();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!IsComplete(text.ToString()))
        {
            var n = await stream.ReadAsync(buffer, cancel.Token);
            if (n == 0)
            {
                break;
            }

            text.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }

        return text.ToString();
    }

    // A complete response of the test backend: headers, then a Content-Length body or the last chunk.
    private static bool IsComplete(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var length = text.Split("\r\n").FirstOrDefault(h => h.StartsWith("content-length:", StringComparison.OrdinalIgnoreCase));
        return length is null ? text.EndsWith("0\r\n\r\n", StringComparison.Ordinal) : text.Length - end - 4 >= int.Parse(length.Split(':')[1].Trim());
    }
}
