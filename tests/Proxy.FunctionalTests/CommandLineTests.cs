using System.Net;
using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>The `proxy` executable as users run it: flags, `-c` output, exit codes, the README demo.</summary>
public class CommandLineTests
{
    private static string Example => Path.Combine(RepoPaths.Root, "haproxy.cfg.example");

    [Fact]
    public async Task Check_ExampleConfig_SaysValidAndExits0()
    {
        var (exit, stdout, stderr) = await ExternalProcess.RunProxyAsync("-c", "-f", Example);

        Assert.Equal(0, exit);
        Assert.Equal("Configuration file is valid", stdout.Trim());
        Assert.Equal("", stderr);
    }

    public static TheoryData<string> ShippedConfigs()
        => [.. Directory.GetFiles(Path.Combine(RepoPaths.Root, "conf"), "*.cfg").Select(f => Path.GetFileName(f)!).Order()];

    [Theory]
    [MemberData(nameof(ShippedConfigs))]
    public async Task Check_ShippedConfig_IsValid(string name)
    {
        var (exit, stdout, stderr) = await ExternalProcess.RunProxyAsync("-c", "-f", Path.Combine(RepoPaths.Root, "conf", name));

        Assert.True(exit == 0, stderr);
        Assert.Equal("Configuration file is valid", stdout.Trim());
    }

    [Fact]
    public async Task Check_BrokenConfigs_PrintAlertsWithFileLineAndExit1WithoutStackTrace()
    {
        var (exit, stdout, stderr) = await ExternalProcess.RunProxyAsync("-c", "-f", RepoPaths.Fixture("unknown-keywords.cfg"));

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains("[ALERT]    (", stderr);
        Assert.Contains("parsing [" + RepoPaths.Fixture("unknown-keywords.cfg") + ":7] : unknown keyword 'foo' in 'frontend' section", stderr);
        Assert.Contains("unknown keyword 'balnce' in 'backend' section; did you mean 'balance' maybe ?", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("Exception", stderr);
    }

    [Fact]
    public async Task Check_MissingDefaultBackend_NamesTheProxyAndExits1()
    {
        var (exit, _, stderr) = await ExternalProcess.RunProxyAsync("-c", "-f", RepoPaths.Fixture("missing-backend.cfg"));

        Assert.Equal(1, exit);
        Assert.Contains(": config : Proxy 'fe': unable to find required default_backend: 'nope'.", stderr);
        Assert.Contains(": config : Fatal errors found in configuration.", stderr);
    }

    [Fact]
    public async Task Check_MissingFile_SaysSoAndExits1()
    {
        var (exit, _, stderr) = await ExternalProcess.RunProxyAsync("-c", "-f", "/nonexistent/haproxy.cfg");

        Assert.Equal(1, exit);
        Assert.Contains("Cannot open configuration file/directory /nonexistent/haproxy.cfg : No such file or directory", stderr);
    }

    [Fact]
    public async Task Check_Json_PrintsDiagnosticsAsJson()
    {
        var (exit, stdout, _) = await ExternalProcess.RunProxyAsync("-c", "--json", "-f", RepoPaths.Fixture("unknown-keywords.cfg"));

        Assert.Equal(1, exit);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Contains(json.RootElement.GetProperty("diagnostics").EnumerateArray(),
            d => d.GetProperty("line").ValueKind == System.Text.Json.JsonValueKind.Number && d.GetProperty("line").GetInt32() == 7);
    }

    [Fact]
    public async Task Run_ModeTcpFrontend_RefusesToStartNamingFileLine()
    {
        using var dir = new TempDirectory();
        var config = await dir.WriteAsync("tcp.cfg",
            $"defaults\n timeout connect 1s\n timeout client 1s\n timeout server 1s\nfrontend fe\n bind 127.0.0.1:{FreePort.Next()}\n");

        var check = await ExternalProcess.RunProxyAsync("-c", "-f", config);
        var run = await ExternalProcess.RunProxyAsync("-f", config);

        // -c accepts what HAProxy accepts and warns; a start refuses rather than serve part of the file.
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("[WARNING]  (", check.Stderr);
        Assert.Contains($"parsing [{config}:5] : frontend 'fe' uses mode tcp, which this proxy does not run yet", check.Stderr);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[ALERT]    (", run.Stderr);
        Assert.Contains($"parsing [{config}:5] : frontend 'fe' uses mode tcp", run.Stderr);
    }

    [Fact]
    public async Task Run_UseBackendWithUnsupportedFetch_CheckWarnsAndStartRefusesNamingLineAndFetch()
    {
        using var dir = new TempDirectory();
        var config = await dir.WriteAsync("cook.cfg",
            "defaults\n mode http\n timeout connect 1s\n timeout client 1s\n timeout server 1s\n" +
            $"frontend fe\n bind 127.0.0.1:{FreePort.Next()}\n use_backend be if {{ path_beg /a }}\n use_backend be if {{ req.cook(x) y }}\n" +
            "backend be\n server s 127.0.0.1:1\n");

        var check = await ExternalProcess.RunProxyAsync("-c", "-f", config);
        var run = await ExternalProcess.RunProxyAsync("-f", config);

        // Only the rule with the unsupported fetch is reported; the path_beg rule on line 8 runs.
        Assert.Equal(0, check.ExitCode);
        Assert.Contains($"[{config}:9] : 'use_backend be': its condition uses fetch 'req.cook'", check.Stderr);
        Assert.DoesNotContain($"[{config}:8]", check.Stderr);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[ALERT]    (", run.Stderr);
        Assert.Contains($"[{config}:9] : 'use_backend be': its condition uses fetch 'req.cook'", run.Stderr);
    }

    [Fact]
    public async Task Run_TarpitRuleNotRunYet_RefusesToStartButCheckAccepts()
    {
        using var dir = new TempDirectory();
        var config = await dir.WriteAsync("deny.cfg",
            $"defaults\n mode http\n timeout connect 1s\n timeout client 1s\n timeout server 1s\n" +
            $"frontend fe\n bind 127.0.0.1:{FreePort.Next()}\n http-request tarpit\n");

        var check = await ExternalProcess.RunProxyAsync("-c", "-f", config);
        var run = await ExternalProcess.RunProxyAsync("-f", config);

        // Skipping an access rule would let through what the operator denied: -c warns, a start refuses.
        Assert.Equal(0, check.ExitCode);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"[ALERT]    (", run.Stderr);
        Assert.Contains($"parsing [{config}:8] : 'http-request tarpit' is not run by this proxy yet", run.Stderr);
    }

    [Fact]
    public async Task Run_LogFormatItemNotEvaluated_RefusesToStartNamingTheLine()
    {
        using var dir = new TempDirectory();
        var config = await dir.WriteAsync("lf.cfg",
            $"defaults\n mode http\n timeout connect 1s\n timeout client 1s\n timeout server 1s\n" +
            $"frontend fe\n bind 127.0.0.1:{FreePort.Next()}\n http-request set-header X-Sni %[ssl_fc_cipher]\n");

        var run = await ExternalProcess.RunProxyAsync("-f", config);

        // A value this proxy cannot compute must not be sent as a wrong (empty) one.
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"[{config}:8]", run.Stderr);
        Assert.Contains("fetch 'ssl_fc_cipher'", run.Stderr);
    }

    [Fact]
    public async Task Check_KeepalivedFile_IsReadAndJudgedLikeKeepalivedT()
    {
        // keepalived refuses loopback for VRRP and checks that the interface exists: use a real one of this machine.
        var nic = Directory.GetDirectories("/sys/class/net").Select(Path.GetFileName).First(n => n != "lo");
        using var dir = new TempDirectory();
        var good = await dir.WriteAsync("good.conf",
            $"vrrp_instance VI_1 {{\n    state BACKUP\n    interface {nic}\n    virtual_router_id 51\n    priority 100\n" +
            "    advert_int 1\n    virtual_ipaddress {\n        203.0.113.10/24\n    }\n}\n");
        var bad = await dir.WriteAsync("bad.conf",
            $"vrrp_instance VI_1 {{\n    state BACKUP\n    interface {nic}\n    virtual_router_id 51\n    priority 100\n" +
            "    bogus_keyword 1\n    virtual_ipaddress {\n        203.0.113.10/24\n    }\n}\n");

        var accepted = await ExternalProcess.RunProxyAsync("-c", "-k", good);
        var rejected = await ExternalProcess.RunProxyAsync("-c", "-k", bad);

        Assert.True(accepted.ExitCode == 0, accepted.Stderr);
        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains($": keepalived : ({bad}: Line 6) ", rejected.Stderr);
        Assert.Contains("bogus_keyword", rejected.Stderr);
    }

    [Fact]
    public async Task Usage_UnknownOption_PrintsUsageAndExits1()
    {
        // haproxy 2.6's usage() exits 1 (checked: `haproxy -Z; echo $?` prints 1).
        var (exit, _, stderr) = await ExternalProcess.RunProxyAsync("-Z");

        Assert.Equal(1, exit);
        Assert.Contains("unknown option '-Z'", stderr);
        Assert.Contains("Usage : proxy", stderr);
    }

    [Fact]
    public async Task Version_PrintsVersionAndExits0()
    {
        var (exit, stdout, _) = await ExternalProcess.RunProxyAsync("-v");

        Assert.Equal(0, exit);
        Assert.StartsWith("proxy version ", stdout);
    }

    [Fact]
    public async Task Run_ExampleConfig_ServesApp1ThenApp2()
    {
        var (front, app1, app2) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        var text = (await File.ReadAllTextAsync(Example))
            .Replace("127.0.0.1:8080", $"127.0.0.1:{front}")
            .Replace("127.0.0.1:8081", $"127.0.0.1:{app1}")
            .Replace("127.0.0.1:8082", $"127.0.0.1:{app2}");
        using var dir = new TempDirectory();
        var config = await dir.WriteAsync("haproxy.cfg", text);
        using var proxy = ExternalProcess.StartProxy(["-f", config]);
        // Every listener, the demo servers' too: the frontend's port may open before theirs.
        foreach (var port in new[] { front, app1, app2 })
        {
            await PortWaiter.WaitAsync(port, proxy, TimeSpan.FromSeconds(30));
        }

        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });

        var first = await client.GetStringAsync($"http://127.0.0.1:{front}/");
        var second = await client.GetStringAsync($"http://127.0.0.1:{front}/");

        Assert.True(first == "served by app1\n" && second == "served by app2\n", $"got {first.Trim()}, {second.Trim()}\n{proxy.Stderr}");
    }

    [Fact]
    public async Task Run_PortAlreadyInUse_NamesTheBindLineAndExits1()
    {
        using var occupier = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        occupier.Start();
        var port = ((IPEndPoint)occupier.LocalEndpoint).Port;
        using var dir = new TempDirectory();
        var config = await dir.WriteAsync("busy.cfg",
            $"defaults\n mode http\n timeout connect 1s\n timeout client 1s\n timeout server 1s\nfrontend fe\n bind 127.0.0.1:{port}\n");

        var (exit, _, stderr) = await ExternalProcess.RunProxyAsync("-f", config);

        Assert.Equal(1, exit);
        Assert.Contains($"Binding [{config}:7] for frontend fe: cannot bind socket (Address already in use) for [127.0.0.1:{port}]", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }
}
