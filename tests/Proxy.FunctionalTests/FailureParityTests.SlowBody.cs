using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>A client that stops sending its request body, side by side with haproxy 2.6.</summary>
public partial class FailureParityTests
{
    // haproxy 2.6.12: the server's timeout runs from the last byte sent to it; the stalled body lets it expire while
    // the server says nothing, and the answer is 504 sH (timeout client does not fire while the server is awaited).
    [RequiresHaproxyFact]
    public async Task StalledRequestBody_ServerSilent_504sHAsHaproxy()
    {
        await using var silent = MisbehavingServer.Silent();
        var (haproxyPort, proxyPort) = (FreePort.Next(), FreePort.Next());
        string Config(int port) =>
            "global\n log stdout format raw local0\n" +
            "defaults\n mode http\n log global\n option httplog\n timeout connect 1s\n timeout client 300ms\n timeout server 800ms\n" +
            Listen("stall", port, $" server s1 127.0.0.1:{silent.Port}\n");
        using var dir = new TempDirectory();
        await dir.WriteAsync("h.cfg", Config(haproxyPort));
        using var haproxy = ExternalProcess.Start(Haproxy.Require(), ["-db", "-f", "h.cfg"], dir.Path);
        var recorder = new OutcomeRecorder();
        await using var proxy = await InProcessProxy.StartAsync(Config(proxyPort), observer: recorder);
        await PortWaiter.WaitAsync(haproxyPort, haproxy, TimeSpan.FromSeconds(30));

        var expected = await StalledPostAsync(haproxyPort);
        var actual = await StalledPostAsync(proxyPort);

        Assert.Equal(StatusAndBody(expected), StatusAndBody(actual));
        var outcome = await recorder.ForAsync("/stall");
        Assert.Equal(await LoggedPostAsync(haproxy), outcome.TerminationState);
    }

    private static async Task<string> StalledPostAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("POST /stall HTTP/1.1\r\nHost: example\r\nContent-Length: 10\r\n\r\nabc"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var response = new StringBuilder();
        var buffer = new char[4096];
        // The answer comes while the body is still owed: read until the error page is complete or the peer closes.
        while (!response.ToString().Contains("</html>", StringComparison.Ordinal) && await reader.ReadAsync(buffer, cancel.Token) is > 0 and var read)
        {
            response.Append(buffer, 0, read);
        }

        return response.ToString();
    }

    private static async Task<string> LoggedPostAsync(ExternalProcess haproxy)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (PostLine().Match(haproxy.Stdout) is not { Success: true } match)
        {
            Assert.True(DateTime.UtcNow < deadline, $"haproxy logged nothing for the POST: {haproxy.Stdout}");
            await Task.Delay(20);
        }

        return PostLine().Match(haproxy.Stdout).Groups["ts"].Value;
    }

    [GeneratedRegex("""(?<ts>\S\S)\S\S \d+/\d+/\d+/\d+/\+?\d+ \d+/\d+ "POST /stall """)]
    private static partial Regex PostLine();
}
