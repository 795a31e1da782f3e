using System.Net;
using System.Text;
using Proxy.Logging;

namespace Proxy.Tests.Logging;

/// <summary>Lines checked against haproxy 2.6.12's own output for the same values (captured from a real haproxy).</summary>
public sealed class AccessLogFormatterTests
{
    private static readonly SyslogIdentity Identity = new(null, "localhost", "haproxy", 17848);

    private static readonly AccessLogEntry Success = new()
    {
        Client = new IPEndPoint(IPAddress.Loopback, 35568),
        FrontendAddress = new IPEndPoint(IPAddress.Loopback, 28080),
        ServerAddress = new IPEndPoint(IPAddress.Loopback, 28081),
        AcceptDate = new DateTimeOffset(2026, 11, 22, 5, 22, 59, 718, TimeSpan.Zero),
        Frontend = "fe",
        Backend = "be",
        Server = "s1",
        QueueMs = 0,
        ConnectMs = 0,
        ResponseMs = 4,
        ActiveMs = 4,
        TotalMs = 4,
        Status = 200,
        BytesRead = 526,
        BytesUploaded = 81,
        ActiveConnections = 1,
        FrontendConnections = 1,
        Method = "GET",
        Uri = "/",
        Version = "HTTP/1.1",
    };

    [Fact]
    public void Format_HttplogWithCaptures_MatchesHaproxyLine()
    {
        var entry = Success with { RequestCaptures = ["127.0.0.1:28080", "curl/"], ResponseCaptures = ["text/html; charset=utf-8"] };

        var line = Render(LogFormats.Http, entry);

        Assert.Equal(
            "127.0.0.1:35568 [22/Nov/2026:05:22:59.718] fe be/s1 0/0/0/4/4 200 526 - - ---- 1/1/0/0/0 0/0 {127.0.0.1:28080|curl/} {text/html; charset=utf-8} \"GET / HTTP/1.1\"",
            line);
    }

    [Fact]
    public void Format_HttplogWithoutCaptures_CapturesVanishWithTheirSeparators()
    {
        var line = Render(LogFormats.Http, Success);

        Assert.Equal("127.0.0.1:35568 [22/Nov/2026:05:22:59.718] fe be/s1 0/0/0/4/4 200 526 - - ---- 1/1/0/0/0 0/0 \"GET / HTTP/1.1\"", line);
    }

    [Theory]
    [InlineData("sH--", 504, -1, "0/0/0/-1/30001 504 194 - - sH--")]
    [InlineData("SH--", 502, -1, "0/0/0/-1/3 502 209 - - SH--")]
    [InlineData("SC--", 503, -1, "0/0/0/-1/3 503 217 - - SC--")]
    [InlineData("CD--", 200, 4, "0/0/0/4/3 200 194 - - CD--")]
    [InlineData("cD--", 200, 4, "0/0/0/4/3 200 194 - - cD--")]
    [InlineData("CH--", 200, -1, "0/0/0/-1/3 200 194 - - CH--")]
    [InlineData("sQ--", 503, -1, "0/0/0/-1/3 503 217 - - sQ--")]
    [InlineData("PR--", 403, -1, "0/0/0/-1/3 403 194 - - PR--")]
    [InlineData("LR--", 302, -1, "0/0/0/-1/3 302 194 - - LR--")]
    public void Format_TerminationStates_PrintedWithTimersAndStatus(string state, int status, long tr, string expectedMiddle)
    {
        var bytes = status switch { 502 => 209, 503 => 217, _ => 194 };
        var entry = Success with { TerminationState = state, Status = status, ResponseMs = tr, ActiveMs = state == "sH--" ? 30001 : 3, BytesRead = bytes };

        var line = Render(LogFormats.Http, entry);

        Assert.Equal($"127.0.0.1:35568 [22/Nov/2026:05:22:59.718] fe be/s1 {expectedMiddle} 1/1/0/0/0 0/0 \"GET / HTTP/1.1\"", line);
    }

    [Fact]
    public void Format_RefusedRequestHead_PrintsBadreqAsHaproxy()
    {
        // haproxy 2.6.12, `GET / HTTP/1.1\r\nHost x\r\n\r\n` with option httplog.
        var entry = new AccessLogEntry
        {
            Client = new IPEndPoint(IPAddress.Loopback, 50510),
            AcceptDate = new DateTimeOffset(2026, 11, 22, 7, 31, 14, 447, TimeSpan.Zero),
            Frontend = "fe",
            Backend = "fe",
            RequestMs = -1,
            QueueMs = -1,
            ConnectMs = -1,
            ResponseMs = -1,
            Status = 400,
            TerminationState = "PR--",
            ActiveConnections = 1,
            FrontendConnections = 1,
            IsBadRequest = true,
        };

        var line = Render(LogFormats.Http, entry);

        Assert.Equal("127.0.0.1:50510 [22/Nov/2026:07:31:14.447] fe fe/<NOSRV> -1/-1/-1/-1/0 400 0 - - PR-- 1/1/0/0/0 0/0 \"<BADREQ>\"", line);
    }

    [Fact]
    public void Format_NoServer_PrintsNosrvAndMinusOneTimers()
    {
        var entry = Success with { Server = null, QueueMs = -1, ConnectMs = -1, ResponseMs = -1, ActiveMs = 0, Status = 503, BytesRead = 217, TerminationState = "SC--" };

        var line = Render(LogFormats.Http, entry);

        Assert.Equal("127.0.0.1:35568 [22/Nov/2026:05:22:59.718] fe be/<NOSRV> 0/-1/-1/-1/0 503 217 - - SC-- 1/1/0/0/0 0/0 \"GET / HTTP/1.1\"", line);
    }

    [Fact]
    public void Format_TlsFrontendAndRedispatch_TildeAndPlus()
    {
        var entry = Success with { IsTls = true, Retries = 1, Redispatched = true };

        var line = Render(LogFormats.Http, entry);

        Assert.Contains(" fe~ be/s1 ", line, StringComparison.Ordinal);
        Assert.Contains(" 1/1/0/0/+1 0/0 ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_Clf_MatchesHaproxyLine()
    {
        var entry = Success with
        {
            Client = new IPEndPoint(IPAddress.Loopback, 34872),
            AcceptDate = new DateTimeOffset(2026, 11, 22, 5, 25, 7, 310, TimeSpan.Zero),
            Uri = "/a?b=c",
            Status = 404,
            BytesRead = 500,
            ResponseMs = 8,
            ActiveMs = 8,
        };

        var line = Render(LogFormats.HttpClf, entry);

        Assert.Equal(
            "127.0.0.1 - - [22/Nov/2026:05:25:07 +0000] \"GET /a?b=c HTTP/1.1\" 404 500 \"\" \"\" 34872 310 \"fe\" \"be\" \"s1\" 0 0 0 8 8 ---- 1 1 0 0 0 0 0 \"\" \"\" ",
            line);
    }

    [Fact]
    public void Format_HttpslogOnPlainConnection_MatchesHaproxyLine()
    {
        var entry = Success with { Uri = "/x", Status = 404, BytesRead = 500, ResponseMs = 5, ActiveMs = 5 };

        var line = Render(LogFormats.Https, entry);

        Assert.Equal("127.0.0.1:35568 [22/Nov/2026:05:22:59.718] fe be/s1 0/0/0/5/5 404 500 - - ---- 1/1/0/0/0 0/0 \"GET /x HTTP/1.1\" 0/-/-/-/0 -/-/-", line);
    }

    [Fact]
    public void Format_Tcplog_UsesTwoCharacterState()
    {
        var line = Render(LogFormats.Tcp, Success);

        Assert.Equal("127.0.0.1:35568 [22/Nov/2026:05:22:59.718] fe be/s1 0/0/4 526 -- 1/1/0/0/0 0/0", line);
    }

    [Fact]
    public void Format_CustomVariables_MatchHaproxyRendering()
    {
        var entry = Success with
        {
            Client = new IPEndPoint(IPAddress.Loopback, 44658),
            FrontendAddress = new IPEndPoint(IPAddress.Loopback, 28082),
            BackendSource = new IPEndPoint(IPAddress.Loopback, 59436),
            AcceptDate = new DateTimeOffset(2026, 11, 22, 5, 25, 7, 386, TimeSpan.Zero),
            Frontend = "fe2",
            Uri = "/x/y?q=1",
            Status = 404,
            BytesRead = 500,
            ResponseMs = 0,
            ActiveMs = 0,
            TotalMs = 0,
            RequestCounter = 1,
        };
        const string Format = "%ci|%cp|%t|%trg|%Tl|%ft|%Td|%ST|%tsc|%ts|%hr|%r|%{+Q}r|%HM|%HP|%HQ|%HU|%HV|%ID|%pid|%fi|%fp|%bi|%bp|%si|%sp|%ms|%Ts|%rt|%lc|%sslv|%[src]|%{+X}Ts|%{+Q}s";

        var line = Render(Format, entry);

        Assert.Equal(
            "127.0.0.1|44658|22/Nov/2026:05:25:07.386|22/Nov/2026:05:25:07 +0000|22/Nov/2026:05:25:07 +0000|fe2|0|404|----|--||GET /x/y?q=1 HTTP/1.1|\"GET /x/y?q=1 HTTP/1.1\"|GET|/x/y|?q=1|/x/y?q=1|HTTP/1.1|-|17848|127.0.0.1|28082|127.0.0.1|59436|127.0.0.1|28081|386|1795325107|1|0|-|127.0.0.1|6B027CB3|\"s1\"",
            line);
    }

    [Fact]
    public void Format_CaptureWithSpecialCharacters_EncodedAsHashHex()
    {
        var entry = Success with { RequestCaptures = ["a|b\"c", null] };

        var line = Render("%hr", entry);

        Assert.Equal("{a#7Cb#22c|}", line);
    }

    private static string Render(string format, AccessLogEntry entry)
    {
        var nodes = LogFormatCompiler.Compile(format, out var error) ?? throw new InvalidOperationException(error);
        var output = new StringBuilder();
        AccessLogFormatter.Format(output, nodes, entry with { LogCounter = 0 }, Identity);
        return output.ToString();
    }
}
