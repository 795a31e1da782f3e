using static ConfigParser.Tests.Support.TestConfig;

namespace ConfigParser.Tests.Keywords;

/// <summary>
/// Keywords of the global section: log, master-worker, removed and file-loading keywords, negation, unknown keywords. Each case is one line placed in a small valid configuration; the expected alerts (newline-separated, empty
/// when the file is valid) are what `haproxy -c` 2.6.12 printed for the same file.
/// </summary>
public sealed class GlobalKeywordCatalogTests
{
    private static string Config(string line) => Lines("global", "  @LINE@", "defaults", "  timeout client 5s", "frontend fe", "  bind :8080").Replace("@LINE@", line, StringComparison.Ordinal);

    [Theory]
    [InlineData("log 127.0.0.1 local0", "")]
    [InlineData("log stdout format raw local0", "")]
    [InlineData("no log", "")]
    [InlineData("master-worker", "")]
    [InlineData("master-worker foo", "[ALERT] parsing [t.cfg:2] : 'master-worker' only supports 'no-exit-on-failure' option.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("nbproc 4", "[ALERT] parsing [t.cfg:2] : nbproc is not supported any more since HAProxy 2.5. Threads will automatically be used on multi-processor machines if available.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("lua-load /nonexistent.lua", "[ALERT] parsing [t.cfg:2] : error in Lua file '/nonexistent.lua': cannot open /nonexistent.lua: No such file or directory\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stats socket /run/haproxy.sock mode 660 level admin", "")]
    [InlineData("tune.ssl.default-dh-param 2048", "")]
    [InlineData("ssl-default-bind-options no-sslv3", "")]
    [InlineData("chroot /var/lib/haproxy", "")]
    [InlineData("user haproxy", "")]
    [InlineData("group haproxy", "")]
    [InlineData("ca-base /etc/ssl/certs", "")]
    [InlineData("zzzqqq", "[ALERT] parsing [t.cfg:2] : unknown keyword 'zzzqqq' in 'global' section\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("no daemon", "[ALERT] parsing [t.cfg:2]: negation/default currently supported only for options, log, busy-polling, set-dumpable, strict-limits, insecure-fork-wanted and numa-cpu-mapping.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("no busy-polling", "")]
    [InlineData("maxconnn 5", "[ALERT] parsing [t.cfg:2] : unknown keyword 'maxconnn' in 'global' section; did you mean 'maxconn' maybe ?\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stats", "[ALERT] parsing [t.cfg:2] : 'stats' only supports 'socket', 'maxconn', 'bind-process' and 'timeout' (got '')\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stats socket", "[ALERT] parsing [t.cfg:2] : 'stats socket' in global section expects an address or a path to a UNIX socket\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stats foo", "[ALERT] parsing [t.cfg:2] : 'stats' only supports 'socket', 'maxconn', 'bind-process' and 'timeout' (got 'foo')\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stats timeout 10s", "")]
    [InlineData("stats socket ipv4@127.0.0.1:9999 level admin", "")]
    public void Parse_KeywordLine_ReportsHaproxyAlerts(string line, string expected)
    {
        var result = Parse(Config(line));

        var alerts = result.Messages().Where(m => m.StartsWith("[ALERT]", StringComparison.Ordinal));
        Assert.Equal(expected, string.Join("\n", alerts));
    }

    [Fact]
    public void Parse_GlobalLogStatsAndMasterWorker_AreTyped()
    {
        var result = Parse(Lines("global", "  master-worker", "  log 127.0.0.1:514 local0 info", "  stats socket /run/haproxy.sock mode 600 level admin",
            "defaults", "  timeout client 5s", "frontend fe", "  bind :8080"));

        var global = result.Config!.Global;
        Assert.True(global.MasterWorker);
        Assert.Equal(("127.0.0.1:514", "local0", "info"), (Assert.Single(global.Logs).Target, global.Logs[0].Facility, global.Logs[0].Level));
        var socket = Assert.Single(global.StatsSockets);
        Assert.Equal("/run/haproxy.sock", socket.Address);
        Assert.Equal(["mode", "600", "level", "admin"], socket.Settings);
    }

    [Fact]
    public void Parse_RelativeCertificate_IsLookedUpUnderCrtBase()
    {
        // haproxy 2.6.12 printed this alert for the same file.
        var result = Parse(Lines("global", "  crt-base /nonexistent", "frontend f", "  bind :443 ssl crt x.pem"));

        Assert.Equal(
            "[ALERT] parsing [t.cfg:4] : 'bind :443' in section 'frontend' : unable to stat SSL certificate from file '/nonexistent/x.pem' : No such file or directory.",
            result.Messages().First(m => m.StartsWith("[ALERT]", StringComparison.Ordinal)));
    }
}
