using System.Globalization;
using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>
/// A real `timeout connect`: inside a network namespace of its own, 198.51.100.0/24 is routed to lo, where SYNs
/// to a non-local address are dropped unanswered. haproxy 2.6 and this proxy (both run in the namespace) must
/// give the same 503 page after the same four attempts with no turn-around (4 × timeout connect).
/// </summary>
public class ConnectTimeoutParityTests
{
    private const string Config =
        "defaults\n mode http\n timeout client 10s\n timeout server 10s\n timeout connect 300ms\n" +
        "frontend fe\n bind 127.0.0.1:{0}\n default_backend be\nbackend be\n server s1 198.51.100.2:80\n";

    [RequiresRootAndHaproxyFact]
    public async Task UnansweredSyn_SameStatusBodyAndTimingAsHaproxy()
    {
        var ns = $"fwdtest{Environment.ProcessId}x{Random.Shared.Next(100000)}";
        using var dir = new TempDirectory();
        await dir.WriteAsync("h.cfg", string.Format(CultureInfo.InvariantCulture, Config, 18001));
        await dir.WriteAsync("p.cfg", string.Format(CultureInfo.InvariantCulture, Config, 18002));
        await IpAsync("netns", "add", ns);
        try
        {
            await IpAsync("-n", ns, "link", "set", "lo", "up");
            await IpAsync("-n", ns, "route", "add", "198.51.100.0/24", "dev", "lo");
            using var haproxy = ExternalProcess.Start("ip", ["netns", "exec", ns, Haproxy.Require(), "-db", "-f", "h.cfg"], dir.Path);
            using var proxy = ExternalProcess.Start("ip", ["netns", "exec", ns, "dotnet", RepoPaths.ProxyDll, "-f", "p.cfg"], dir.Path);

            var (expectedBody, expectedStatus, haproxyTime) = await GetInNamespaceAsync(ns, 18001, haproxy);
            var (actualBody, actualStatus, proxyTime) = await GetInNamespaceAsync(ns, 18002, proxy);

            Assert.Equal(("503", expectedBody), (expectedStatus, actualBody));
            Assert.Equal(expectedStatus, actualStatus);
            // Four attempts of 300 ms each and no turn-around after a timeout: about 1.2 s for both (with 300 ms
            // turn-arounds it would be 2.1 s).
            Assert.InRange(haproxyTime, 1.1, 1.9);
            Assert.InRange(proxyTime, 1.1, 1.9);
        }
        finally
        {
            await ExternalProcess.RunAsync("ip", ["netns", "del", ns]);
        }
    }

    private static async Task IpAsync(params string[] arguments)
    {
        var (exit, _, stderr) = await ExternalProcess.RunAsync("ip", arguments);
        Assert.True(exit == 0, $"ip {string.Join(' ', arguments)}: {stderr}");
    }

    // curl from inside the namespace, retried (bounded) while the server under test is still starting.
    private static async Task<(string Body, string Status, double Seconds)> GetInNamespaceAsync(string ns, int port, ExternalProcess server)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            Assert.False(server.HasExited, $"server exited: {server.Stderr}");
            var (_, output, _) = await ExternalProcess.RunAsync("ip",
                ["netns", "exec", ns, "curl", "-s", "-m", "10", "-w", "\n%{http_code} %{time_total}", $"http://127.0.0.1:{port}/"]);
            // The output is collected line by line: the last line is curl's "-w" summary.
            var stdout = output.TrimEnd('\n');
            var split = stdout.LastIndexOf('\n');
            var fields = stdout[(split + 1)..].Split(' ');
            if (fields[0] != "000")
            {
                return (stdout[..split], fields[0], double.Parse(fields[1], CultureInfo.InvariantCulture));
            }

            Assert.True(DateTime.UtcNow < deadline, $"nothing listened on {port} within 30 s: {server.Stderr}");
            await Task.Delay(100);
        }
    }
}
