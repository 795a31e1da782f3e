using static ConfigParser.Tests.Support.TestConfig;

namespace ConfigParser.Tests.Keywords;

/// <summary>
/// Keywords an anonymous defaults section refuses (rules, captures, tables, names), and some it accepts.
/// Each case is one line placed in a small configuration; the expected alerts (newline-separated, empty
/// when the file is valid) are what `haproxy -c` 2.6.12 printed for the same file.
/// </summary>
public sealed class DefaultsRestrictionTests
{
    private static string Config(string line) => Lines("defaults", "  @LINE@").Replace("@LINE@", line, StringComparison.Ordinal);

    [Theory]
    [InlineData("acl a path /", "[ALERT] parsing [t.cfg:2] : 'acl' not allowed in anonymous 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("use_backend b", "[ALERT] parsing [t.cfg:2] : 'use_backend' not allowed in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("capture request header Host len 3", "[ALERT] parsing [t.cfg:2] : 'capture request' not allowed in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("capture cookie X len 3", "[ALERT] parsing [t.cfg:2] : 'capture cookie' not allowed in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tcp-request content accept", "[ALERT] parsing [t.cfg:2] : tcp-request content is not allowed in anonymous 'defaults' sections\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tcp-request inspect-delay 5s", "[ALERT] parsing [t.cfg:2] : tcp-request inspect-delay is not allowed in anonymous 'defaults' sections\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stick-table type ip size 1k", "[ALERT] parsing [t.cfg:2] : 'stick-table' is not supported in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("http-response set-header X y", "[ALERT] parsing [t.cfg:2] : 'http-response' not allowed in anonymous 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("http-after-response set-header X y", "[ALERT] parsing [t.cfg:2] : 'http-after-response' not allowed in anonymous 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("redirect prefix /x", "[ALERT] parsing [t.cfg:2] : 'redirect' not allowed in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("description x", "[ALERT] parsing [t.cfg:2]: 'description' not allowed in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("id 3", "[ALERT] parsing [t.cfg:2]: 'id' not allowed in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("use-server s if TRUE", "[ALERT] parsing [t.cfg:2] : 'use-server' not allowed in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("force-persist if TRUE", "[ALERT] parsing [t.cfg:2] : 'force-persist' not allowed in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stick on src", "[ALERT] parsing [t.cfg:2] : 'stick' not allowed in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("monitor fail if TRUE", "[ALERT] parsing [t.cfg:2] : 'monitor' not allowed in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server-template s 3 x:80", "[ALERT] [t.cfg:2] : 'server-template' not allowed in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tcp-response content accept", "[ALERT] parsing [t.cfg:2] : tcp-response content is only allowed in 'backend' sections or 'defaults' section with a name\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("declare capture request len 3", "[ALERT] parsing [t.cfg:2] : 'declare' not available in default section\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("filter compression", "[ALERT] parsing [t.cfg:2] : parsing [t.cfg:2] : filter is not allowed in a 'default' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("dispatch 1.2.3.4:80", "[ALERT] parsing [t.cfg:2] : 'dispatch' not allowed in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("http-request deny", "[ALERT] parsing [t.cfg:2] : 'http-request' not allowed in anonymous 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stats enable", "")]
    [InlineData("option forwardfor", "")]
    [InlineData("default-server inter 3s", "")]
    public void Parse_KeywordLine_ReportsHaproxyAlerts(string line, string expected)
    {
        var result = Parse(Config(line));

        var alerts = result.Messages().Where(m => m.StartsWith("[ALERT]", StringComparison.Ordinal));
        Assert.Equal(expected, string.Join("\n", alerts));
    }
}
