using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>The other common targets: stdout (containers) and IPv6 UDP.</summary>
public sealed partial class LoggingTests
{
    [Fact]
    public async Task Stdout_FormatRaw_OneLinePerRequestOnStdout()
    {
        await using var backend = await TestBackend.StartAsync("s1");
        var port = FreePort.Next();
        using var dir = new TempDirectory();
        await dir.WriteAsync("p.cfg", "global\n log stdout format raw local0\n" + Config(port, backend.Port, "log global"));
        using var proxy = ExternalProcess.StartProxy(["-f", "p.cfg"], dir.Path);
        await PortWaiter.WaitAsync(port, proxy, Limit);
        using var client = new HttpClient();

        using var response = await client.GetAsync($"http://127.0.0.1:{port}/to-stdout");
        var deadline = Stopwatch.StartNew();
        while (!proxy.Stdout.Contains("/to-stdout", StringComparison.Ordinal) && deadline.Elapsed < Limit)
        {
            await Task.Delay(20);
        }

        var line = Assert.Single(proxy.Stdout.Split('\n'), l => l.Contains("/to-stdout", StringComparison.Ordinal));
        Assert.Matches(@"^127\.0\.0\.1:\d+ \[[^\]]+\] fe be/s1 \d+/0/0/\d+/\d+ 200 \d+ - - ---- 1/1/0/\d/0 0/0 ""GET /to-stdout HTTP/1\.1""$", line);
    }

    [Fact]
    public async Task Udp6_Target_LineArrivesOnLoopbackV6()
    {
        using var listener = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
        listener.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
        await using var backend = await TestBackend.StartAsync("s1");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, backend.Port, $"log [::1]:{((IPEndPoint)listener.LocalEndPoint!).Port} local3 info"));
        using var client = new HttpClient();

        using var response = await client.GetAsync($"http://127.0.0.1:{port}/over-v6");
        var buffer = new byte[70000];
        using var timeout = new CancellationTokenSource(Limit);
        var count = await listener.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);

        var line = Encoding.UTF8.GetString(buffer, 0, count);
        Assert.StartsWith("<158>", line, StringComparison.Ordinal);
        Assert.EndsWith("\"GET /over-v6 HTTP/1.1\"\n", line, StringComparison.Ordinal);
    }
}
