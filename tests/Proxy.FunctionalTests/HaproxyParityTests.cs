using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>
/// Side by side with Debian's haproxy 2.6: the same file gives the same verdict and the same diagnostic lines,
/// and the same failure gives the same bytes on the wire.
/// </summary>
public partial class HaproxyParityTests
{
    [RequiresHaproxyFact]
    public async Task Check_ExampleConfig_HaproxyAndProxyBothSayValid()
    {
        var example = Path.Combine(RepoPaths.Root, "haproxy.cfg.example");

        var haproxy = await ExternalProcess.RunAsync(Haproxy.Require(), ["-c", "-f", example]);
        var proxy = await ExternalProcess.RunProxyAsync("-c", "-f", example);

        Assert.Equal((0, "Configuration file is valid"), (haproxy.ExitCode, haproxy.Stdout.Trim()));
        Assert.Equal((0, "Configuration file is valid"), (proxy.ExitCode, proxy.Stdout.Trim()));
    }

    public static TheoryData<string> ParityFixtures()
        => [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "parity"), "*.cfg").Select(f => Path.GetFileName(f)!).Order()];

    [RequiresHaproxyTheory]
    [MemberData(nameof(ParityFixtures))]
    public async Task Check_Fixture_SameExitCodeAndSameLinesAsHaproxy(string fixture)
    {
        // Run from the fixture folder with a relative name so both tools print the same file name.
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "parity");

        var haproxy = await ExternalProcess.RunAsync(Haproxy.Require(), ["-c", "-f", fixture], folder);
        var proxy = await ExternalProcess.RunAsync("dotnet", [RepoPaths.ProxyDll, "-c", "-f", fixture], folder);

        Assert.Equal(haproxy.ExitCode, proxy.ExitCode);
        Assert.Equal(haproxy.Stdout, proxy.Stdout);
        Assert.Equal(Normalise(haproxy.Stderr), Normalise(proxy.Stderr));
    }

    [RequiresHaproxyFact]
    public async Task Check_MissingLfOnLastLine_SameAlertAsHaproxy()
    {
        using var dir = new TempDirectory();
        await dir.WriteAsync("nolf.cfg", "global\n    maxconn 10");

        var haproxy = await ExternalProcess.RunAsync(Haproxy.Require(), ["-c", "-f", "nolf.cfg"], dir.Path);
        var proxy = await ExternalProcess.RunAsync("dotnet", [RepoPaths.ProxyDll, "-c", "-f", "nolf.cfg"], dir.Path);

        Assert.Equal(1, proxy.ExitCode);
        Assert.Equal(Normalise(haproxy.Stderr), Normalise(proxy.Stderr));
    }

    [RequiresHaproxyFact]
    public async Task Http_OnlyServerRefuses_SameStatusHeadersAndBodyAsHaproxy()
    {
        var closedPort = FreePort.Next();
        var (haproxyPort, proxyPort) = (FreePort.Next(), FreePort.Next());
        using var dir = new TempDirectory();
        string Config(int port) =>
            $"defaults\n mode http\n timeout connect 1s\n timeout client 10s\n timeout server 10s\n" +
            $"frontend fe\n bind 127.0.0.1:{port}\n default_backend be\nbackend be\n server s1 127.0.0.1:{closedPort}\n";
        await dir.WriteAsync("h.cfg", Config(haproxyPort));
        await dir.WriteAsync("p.cfg", Config(proxyPort));
        using var haproxy = ExternalProcess.Start(Haproxy.Require(), ["-db", "-f", "h.cfg"], dir.Path);
        using var proxy = ExternalProcess.StartProxy(["-f", "p.cfg"], dir.Path);
        await PortWaiter.WaitAsync(haproxyPort, haproxy, TimeSpan.FromSeconds(30));
        await PortWaiter.WaitAsync(proxyPort, proxy, TimeSpan.FromSeconds(30));

        var expected = ParseResponse(await RawGetAsync(haproxyPort));
        var actual = ParseResponse(await RawGetAsync(proxyPort));

        Assert.Equal("HTTP/1.1 503 Service Unavailable", expected.StatusLine);
        Assert.Equal(expected.StatusLine, actual.StatusLine);
        Assert.Equal(expected.Body, actual.Body);
        foreach (var name in new[] { "content-length", "cache-control", "content-type" })
        {
            Assert.Equal(expected.Headers[name], actual.Headers.GetValueOrDefault(name));
        }
    }

    // Drop the pid and the two start-up notices (they name the program); keep every other line in order.
    private static string[] Normalise(string stderr)
        => [.. stderr.Replace("\r\n", "\n").Split('\n')
            .Where(line => !line.Contains(" version is ") && !line.Contains("path to executable is"))
            .Select(line => PidPattern().Replace(line, "$1(PID) :"))
            .Select(line => line.Replace("haproxy.main()", "proxy.main()"))];

    [GeneratedRegex(@"^(\[[A-Z]+\]\s+)\(\d+\) :")]
    private static partial Regex PidPattern();

    private static async Task<string> RawGetAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: example\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await reader.ReadToEndAsync(cancel.Token);
    }

    private static (string StatusLine, Dictionary<string, string> Headers, string Body) ParseResponse(string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = raw[..split].Split("\r\n");
        var headers = head.Skip(1).Select(h => h.Split(':', 2)).ToDictionary(p => p[0].ToLowerInvariant(), p => p[1].Trim());
        return (head[0], headers, raw[(split + 4)..]);
    }
}
