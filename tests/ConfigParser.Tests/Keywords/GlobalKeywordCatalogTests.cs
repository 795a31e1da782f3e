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
    [InlineData("tune.runqueue-depth", "[ALERT] parsing [t.cfg:2] : 'tune.runqueue-depth' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tune.maxpollevents", "[ALERT] parsing [t.cfg:2] : 'tune.maxpollevents' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tune.maxaccept", "[ALERT] parsing [t.cfg:2] : 'tune.maxaccept' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tune.recv_enough", "[ALERT] parsing [t.cfg:2] : 'tune.recv_enough' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tune.buffers.limit", "[ALERT] parsing [t.cfg:2] : 'tune.buffers.limit' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tune.buffers.reserve", "[ALERT] parsing [t.cfg:2] : 'tune.buffers.reserve' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tune.bufsize", "[ALERT] parsing [t.cfg:2] : 'tune.bufsize' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tune.maxrewrite", "[ALERT] parsing [t.cfg:2] : 'tune.maxrewrite' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tune.idletimer", "[ALERT] parsing [t.cfg:2] : 'tune.idletimer' expects a timer value between 0 and 65535 ms.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tune.rcvbuf.client", "[ALERT] parsing [t.cfg:2] : 'tune.rcvbuf.client' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tune.rcvbuf.server", "[ALERT] parsing [t.cfg:2] : 'tune.rcvbuf.server' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tune.sndbuf.client", "[ALERT] parsing [t.cfg:2] : 'tune.sndbuf.client' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tune.sndbuf.server", "[ALERT] parsing [t.cfg:2] : 'tune.sndbuf.server' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tune.pipesize", "[ALERT] parsing [t.cfg:2] : 'tune.pipesize' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tune.http.cookielen", "[ALERT] parsing [t.cfg:2] : 'tune.http.cookielen' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tune.http.logurilen", "[ALERT] parsing [t.cfg:2] : 'tune.http.logurilen' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tune.http.maxhdr", "[ALERT] parsing [t.cfg:2] : 'tune.http.maxhdr' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tune.comp.maxlevel", "[ALERT] parsing [t.cfg:2] : 'tune.comp.maxlevel' expects a numeric value between 1 and 9\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tune.pattern.cache-size", "[ALERT] parsing [t.cfg:2] : 'tune.pattern.cache-size' expects a positive numeric value\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("uid", "[ALERT] parsing [t.cfg:2] : 'uid' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("gid", "[ALERT] parsing [t.cfg:2] : 'gid' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("user", "[ALERT] parsing [t.cfg:2] : cannot find user id for '' (0:Success)\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("group", "[ALERT] parsing [t.cfg:2] : cannot find group id for '' (0:Success)\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("ssl-server-verify", "[ALERT] parsing [t.cfg:2] : 'ssl-server-verify' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("maxconnrate", "[ALERT] parsing [t.cfg:2] : 'maxconnrate' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("maxsessrate", "[ALERT] parsing [t.cfg:2] : 'maxsessrate' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("maxsslrate", "[ALERT] parsing [t.cfg:2] : 'maxsslrate' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("maxcomprate", "[ALERT] parsing [t.cfg:2] : 'maxcomprate' expects an integer argument in kb/s.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("maxpipes", "[ALERT] parsing [t.cfg:2] : 'maxpipes' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("maxzlibmem", "[ALERT] parsing [t.cfg:2] : 'maxzlibmem' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("maxcompcpuusage", "[ALERT] parsing [t.cfg:2] : 'maxcompcpuusage' expects an integer argument between 0 and 100.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("ulimit-n", "[ALERT] parsing [t.cfg:2] : 'ulimit-n' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("chroot", "[ALERT] parsing [t.cfg:2] : 'chroot' expects a directory as an argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("description", "[ALERT] parsing [t.cfg:2]: 'description' expects a string argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("node", "[ALERT] parsing [t.cfg:2]: 'node' requires valid node name - non-empty string with digits(0-9), letters(A-Z, a-z), dot(.), hyphen(-) or underscode(_).\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("log", "[ALERT] parsing [t.cfg:2] : log : expects <address> and <facility>  as arguments\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server-state-base", "[ALERT] parsing [t.cfg:2] : 'server-state-base' expects one argument: a directory path.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server-state-file", "[ALERT] parsing [t.cfg:2] : 'server-state-file' expect one argument: a file path.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("log-tag", "[ALERT] parsing [t.cfg:2] : 'log-tag' expects a tag for use in syslog.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("spread-checks", "[ALERT] parsing [t.cfg:2]: 'spread-checks' expects an integer argument (0..50).\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("max-spread-checks", "[ALERT] parsing [t.cfg:2]: 'max-spread-checks' expects an integer argument (0..50).\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("cpu-map", "[ALERT] parsing [t.cfg:2] : cpu-map expects a process number  ('all', 'odd', 'even', a number from 1 to 64 or a range),  followed by a list of CPU ranges with numbers from 0 to 63.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("localpeer", "[ALERT] parsing [t.cfg:2] : 'localpeer' expects a name as an argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("cluster-secret", "[ALERT] parsing [t.cfg:2] : expects an ASCII string argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tune.ssl.default-dh-param", "[ALERT] parsing [t.cfg:2] : 'tune.ssl.default-dh-param' expects an integer argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("hard-stop-after", "[ALERT] parsing [t.cfg:2] : 'hard-stop-after' expects <time> as argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("lua-load", "[ALERT] parsing [t.cfg:2] : 'lua-load' expects a file name as parameter.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("ca-base", "[ALERT] parsing [t.cfg:2] : global statement 'ca-base' expects a directory path as an argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("close-spread-time", "[ALERT] parsing [t.cfg:2] : 'close-spread-time' expects <time> as argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("crt-base", "[ALERT] parsing [t.cfg:2] : global statement 'crt-base' expects a directory path as an argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("default-path", "[ALERT] parsing [t.cfg:2] : missing default-path mode '' for 'default-path', supported modes include 'current', 'config', 'parent', and 'origin'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("grace", "[ALERT] parsing [t.cfg:2] : 'grace' expects <time> as argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("h1-case-adjust", "[ALERT] parsing [t.cfg:2] : 'h1-case-adjust' expects <from> and <to> as argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("h1-case-adjust-file", "[ALERT] parsing [t.cfg:2] : 'h1-case-adjust-file' expects <file> as argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("log 127.0.0.1", "[ALERT] parsing [t.cfg:2] : log : expects <address> and <facility>  as arguments\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("noepoll 1", "[ALERT] parsing [t.cfg:2] : 'noepoll' cannot handle unexpected argument '1'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("quiet 1", "[ALERT] parsing [t.cfg:2] : 'quiet' cannot handle unexpected argument '1'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("chroot /a /b", "[ALERT] parsing [t.cfg:2] : 'chroot' cannot handle unexpected argument '/b'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tune.bufsize 1 2", "[ALERT] parsing [t.cfg:2] : 'tune.bufsize' cannot handle unexpected argument '2'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("ssl-default-bind-ciphers a b", "[ALERT] parsing [t.cfg:2] : 'ssl-default-bind-ciphers' cannot handle unexpected argument 'b'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("nosplice x", "[ALERT] parsing [t.cfg:2] : 'nosplice' cannot handle unexpected argument 'x'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("ca-base /a /b", "[ALERT] parsing [t.cfg:2] : 'ca-base' cannot handle unexpected argument '/b'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("hard-stop-after 1s 2s", "")]
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
