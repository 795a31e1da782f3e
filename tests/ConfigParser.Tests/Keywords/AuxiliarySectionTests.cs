using static ConfigParser.Tests.Support.TestConfig;

namespace ConfigParser.Tests.Keywords;

/// <summary>
/// The sections besides global and the proxies (userlist, peers, resolvers, mailers, program, http-errors, ring, cache, log-forward, fcgi-app). Each case is one line placed in a small valid configuration; the expected alerts (newline-separated, empty
/// when the file is valid) are what `haproxy -c` 2.6.12 printed for the same file.
/// </summary>
public sealed class AuxiliarySectionTests
{
    private static string Config(string line) => Lines("global", "  master-worker", "@LINE@", "defaults", "  timeout client 5s", "frontend fe", "  bind :8080").Replace("@LINE@", line, StringComparison.Ordinal);

    [Theory]
    [InlineData("userlist u", "")]
    [InlineData("userlist u\n  user admin insecure-password x", "")]
    [InlineData("userlist u\n  zzzqqq", "[ALERT] parsing [t.cfg:4]: unknown keyword 'zzzqqq' in 'users' section\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("peers p\n  peer p1 127.0.0.1:10000", "")]
    [InlineData("peers p\n  zzzqqq", "[ALERT] parsing [t.cfg:4] : unknown keyword 'zzzqqq' in 'peers' section\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("resolvers r\n  nameserver dns1 127.0.0.1:53", "")]
    [InlineData("resolvers r\n  zzzqqq", "[ALERT] parsing [t.cfg:4] : unknown keyword 'zzzqqq' in 'resolvers' section\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("mailers m\n  mailer smtp1 127.0.0.1:25", "")]
    [InlineData("mailers m\n  zzzqqq", "[ALERT] parsing [t.cfg:4] : unknown keyword 'zzzqqq' in 'mailers' section\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("program p\n  command /bin/true", "")]
    [InlineData("program p\n  zzzqqq", "[ALERT] parsing [t.cfg:4] : unknown keyword 'zzzqqq' in 'program' section\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("http-errors h\n  zzzqqq", "[ALERT] parsing [t.cfg:4] : unknown keyword 'zzzqqq' in 'http-errors' section\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("ring r\n  zzzqqq", "[ALERT] parsing [t.cfg:4] : unknown statement 'zzzqqq'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("cache c\n  total-max-size 4", "")]
    [InlineData("cache c\n  total-max-size 4\n  zzzqqq", "[ALERT] parsing [t.cfg:5] : unknown keyword 'zzzqqq' in 'cache' section\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("log-forward l\n  zzzqqq", "[ALERT] parsing [t.cfg:4] : unknown keyword 'zzzqqq' in log-forward section.\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("fcgi-app f\n  docroot /var/www", "")]
    [InlineData("fcgi-app f\n  zzzqqq", "[ALERT] parsing [t.cfg:4]: unknown keyword 'zzzqqq' in 'fcgi-app' section\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("userlist", "[ALERT] parsing [t.cfg:3]: 'userlist' expects <name> as arguments.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("peers", "[ALERT] parsing [t.cfg:3] : missing name for peers section.\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("resolvers", "[ALERT] parsing [t.cfg:3] : missing name for resolvers section.\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("mailers", "[ALERT] parsing [t.cfg:3] : missing name for mailers section.\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("program", "[ALERT] parsing [t.cfg:3] : 'program' expects an <id> argument\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("http-errors", "[ALERT] parsing [t.cfg:3] : missing name for http-errors section.\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("ring", "[ALERT] parsing [t.cfg:3] : missing ring name.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("cache", "[ALERT] parsing [t.cfg:3] : 'cache' expects a <name> argument\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("log-forward", "[ALERT] parsing [t.cfg:3] : missing name for ip-forward section.\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("fcgi-app", "[ALERT] parsing [t.cfg:3]: 'fcgi-app' expects <name> as argument.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    public void Parse_KeywordLine_ReportsHaproxyAlerts(string line, string expected)
    {
        var result = Parse(Config(line));

        var alerts = result.Messages().Where(m => m.StartsWith("[ALERT]", StringComparison.Ordinal));
        Assert.Equal(expected, string.Join("\n", alerts));
    }
}
