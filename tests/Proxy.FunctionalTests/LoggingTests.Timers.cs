using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Proxy.FunctionalTests.Common;
using Proxy.FunctionalTests.Logging;

namespace Proxy.FunctionalTests;

/// <summary>%Ti and %TR come from the connection's bytes: idle before a request, and the time its headers took to arrive.</summary>
public sealed partial class LoggingTests
{
    private static readonly TimeSpan ClientPause = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task Timers_SlowClientThenIdleKeepAlive_TRThenTiMeasured()
    {
        await using var backend = await TestBackend.StartAsync("s1", c =>
        {
            c.Response.ContentLength = 2;
            return c.Response.WriteAsync("ok");
        });
        using var listener = new UdpLogListener();
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(
            Config(port, backend.Port, $"log 127.0.0.1:{listener.Port} local0", "log-format \"%Th/%Ti/%TR %Ta %Tt %{+Q}r\""));
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();

        // First request: its headers arrive in two parts, a pause apart (TR); the second follows a pause (Ti).
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /slow-headers HTTP/1.1\r\nHost: x\r\n"));
        await Task.Delay(ClientPause);
        await stream.WriteAsync(Encoding.ASCII.GetBytes("\r\n"));
        await ReadResponseAsync(stream);
        await Task.Delay(ClientPause);
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /after-idle HTTP/1.1\r\nHost: x\r\n\r\n"));
        await ReadResponseAsync(stream);
        var slow = Assert.Single(await listener.WaitForAsync("/slow-headers", 1, Limit));
        var idle = Assert.Single(await listener.WaitForAsync("/after-idle", 1, Limit));

        var pause = (long)ClientPause.TotalMilliseconds;
        var (th, ti, tr, ta, tt) = Timers(slow);
        Assert.Equal(0, th);
        Assert.InRange(tr, pause - 50, pause + 5000);
        Assert.InRange(ti, 0, pause - 50);
        Assert.True(ta >= tr && tt >= ta, slow);
        (th, ti, tr, ta, tt) = Timers(idle);
        Assert.Equal(0, th);
        Assert.InRange(ti, pause - 50, pause + 5000);
        Assert.InRange(tr, 0, pause - 50);
        Assert.True(tt >= ti + ta, idle);
    }

    private static (long Th, long Ti, long TR, long Ta, long Tt) Timers(string line)
    {
        var m = Regex.Match(line, @": (-?\d+)/(-?\d+)/(-?\d+) (-?\d+) (-?\d+) ""GET");
        Assert.True(m.Success, line);
        return (long.Parse(m.Groups[1].Value), long.Parse(m.Groups[2].Value), long.Parse(m.Groups[3].Value), long.Parse(m.Groups[4].Value), long.Parse(m.Groups[5].Value));
    }

    // Reads one response with a Content-Length body (the test backend's answers), bounded by Limit.
    private static async Task ReadResponseAsync(NetworkStream stream)
    {
        using var cts = new CancellationTokenSource(Limit);
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (true)
        {
            var text = received.ToString();
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                var length = Regex.Match(text, @"(?i)content-length: (\d+)") is { Success: true } m ? int.Parse(m.Groups[1].Value) : 0;
                if (text.Length >= end + 4 + length)
                {
                    return;
                }
            }

            var count = await stream.ReadAsync(buffer, cts.Token);
            Assert.True(count > 0, "the proxy closed the connection");
            received.Append(Encoding.ASCII.GetString(buffer, 0, count));
        }
    }
}
