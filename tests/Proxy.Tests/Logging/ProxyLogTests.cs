using System.Net;
using System.Net.Sockets;
using System.Text;
using Proxy.Logging;

namespace Proxy.Tests.Logging;

public sealed class ProxyLogTests
{
    private static readonly FixedTimeProvider Clock = new(new DateTimeOffset(2026, 11, 22, 5, 22, 59, TimeSpan.Zero));
    private static readonly SyslogIdentity Identity = new(null, "localhost", "haproxy", 42);

    [Fact]
    public async Task Send_InfoToNoticeTarget_Dropped_NoticeSent()
    {
        using var listener = Listen();
        await using var sink = LogSink.Create(Target(listener));
        var log = new ProxyLog([new LoggerTarget(sink, SyslogCodes.Facility("local2"), SyslogCodes.Notice, SyslogCodes.Emergency, SyslogFormat.Unspecified, 1024)], Identity, Clock);

        log.Send(SyslogCodes.Info, "traffic");
        log.Send(SyslogCodes.Notice, "Server be/s1 is UP");

        Assert.Equal("<149>Nov 22 05:22:59 haproxy[42]: Server be/s1 is UP\n", await ReceiveAsync(listener));
        Assert.False(log.IsEnabled(SyslogCodes.Info));
        Assert.True(log.IsEnabled(SyslogCodes.Alert));
    }

    [Fact]
    public async Task Send_AlertWithMinLevelWarning_SentAtWarning()
    {
        using var listener = Listen();
        await using var sink = LogSink.Create(Target(listener));
        var log = new ProxyLog([new LoggerTarget(sink, SyslogCodes.Facility("local0"), SyslogCodes.Debug, SyslogCodes.Warning, SyslogFormat.Short, 1024)], Identity, Clock);

        log.Send(SyslogCodes.Alert, "down");

        Assert.Equal("<4>down\n", await ReceiveAsync(listener));
    }

    [Fact]
    public async Task Send_LongerThanLen_CutToLenWithNewline()
    {
        using var listener = Listen();
        await using var sink = LogSink.Create(Target(listener));
        var log = new ProxyLog([new LoggerTarget(sink, SyslogCodes.Facility("local1"), SyslogCodes.Debug, SyslogCodes.Emergency, SyslogFormat.Unspecified, 100)], Identity, Clock);

        log.Send(SyslogCodes.Info, new string('x', 300));

        var line = await ReceiveAsync(listener);
        Assert.Equal(100, line.Length);
        Assert.StartsWith("<142>Nov 22 05:22:59 haproxy[42]: xxx", line, StringComparison.Ordinal);
        Assert.EndsWith("x\n", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_UnixSocketMissing_CountsDroppedWithoutThrowing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nolog-{Guid.NewGuid():N}.sock");
        await using var sink = LogSink.Create(path);
        var log = new ProxyLog([new LoggerTarget(sink, 16, SyslogCodes.Debug, 0, SyslogFormat.Unspecified, 1024)], Identity, Clock);

        log.Send(SyslogCodes.Info, "nobody listens");
        await WaitAsync(() => sink.Dropped > 0);

        Assert.Equal(1, sink.Dropped);
        Assert.Equal(0, sink.Sent);
    }

    [Fact]
    public async Task Send_UnixSocketAppearsLater_LookedForAgainAfterOneSecond()
    {
        var path = Path.Combine(Path.GetTempPath(), $"log-{Guid.NewGuid():N}.sock");
        var clock = new FixedTimeProvider(new DateTimeOffset(2026, 11, 22, 5, 0, 0, TimeSpan.Zero));
        await using var sink = LogSink.Create(path, clock);
        var log = new ProxyLog([new LoggerTarget(sink, 16, SyslogCodes.Debug, 0, SyslogFormat.Raw, 1024)], Identity, clock);
        log.Send(SyslogCodes.Info, "lost");
        await WaitAsync(() => sink.Dropped == 1);
        using var listener = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        try
        {
            log.Send(SyslogCodes.Info, "too early");
            await WaitAsync(() => sink.Dropped == 2);
            clock.Advance(TimeSpan.FromSeconds(1));

            log.Send(SyslogCodes.Info, "found");

            Assert.Equal("found\n", await ReceiveAsync(listener));
            Assert.Equal(2, sink.Dropped);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
    }

    private static Socket Listen()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private static string Target(Socket listener) => $"127.0.0.1:{((IPEndPoint)listener.LocalEndPoint!).Port}";

    private static async Task<string> ReceiveAsync(Socket listener)
    {
        var buffer = new byte[70000];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var count = await listener.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, count);
    }
}
