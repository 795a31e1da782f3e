using static ConfigParser.Tests.Support.TestConfig;

namespace ConfigParser.Tests.Keywords;

/// <summary>
/// The same keywords in a named defaults section: the rules that named defaults may carry are accepted.
/// Each case is one line placed in a small configuration; the expected alerts (newline-separated, empty
/// when the file is valid) are what `haproxy -c` 2.6.12 printed for the same file.
/// </summary>
public sealed class NamedDefaultsRestrictionTests
{
    private static string Config(string line) => Lines("defaults d", "  @LINE@").Replace("@LINE@", line, StringComparison.Ordinal);

    [Theory]
    [InlineData("acl a path /", "")]
    [InlineData("use_backend b", "[ALERT] parsing [t.cfg:2] : 'use_backend' not allowed in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("capture request header Host len 3", "[ALERT] parsing [t.cfg:2] : 'capture request' not allowed in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("capture cookie X len 3", "[ALERT] parsing [t.cfg:2] : 'capture cookie' not allowed in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tcp-request content accept", "")]
    [InlineData("tcp-request inspect-delay 5s", "")]
    [InlineData("stick-table type ip size 1k", "[ALERT] parsing [t.cfg:2] : 'stick-table' is not supported in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("http-response set-header X y", "")]
    [InlineData("http-after-response set-header X y", "")]
    [InlineData("redirect prefix /x", "[ALERT] parsing [t.cfg:2] : 'redirect' not allowed in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("description x", "[ALERT] parsing [t.cfg:2]: 'description' not allowed in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("id 3", "[ALERT] parsing [t.cfg:2]: 'id' not allowed in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("use-server s if TRUE", "[ALERT] parsing [t.cfg:2] : 'use-server' not allowed in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("force-persist if TRUE", "[ALERT] parsing [t.cfg:2] : 'force-persist' not allowed in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("stick on src", "[ALERT] parsing [t.cfg:2] : 'stick' not allowed in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("monitor fail if TRUE", "[ALERT] parsing [t.cfg:2] : 'monitor' not allowed in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("server-template s 3 x:80", "[ALERT] [t.cfg:2] : 'server-template' not allowed in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("tcp-response content accept", "")]
    [InlineData("declare capture request len 3", "[ALERT] parsing [t.cfg:2] : 'declare' not available in default section\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("filter compression", "[ALERT] parsing [t.cfg:2] : parsing [t.cfg:2] : filter is not allowed in a 'default' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("dispatch 1.2.3.4:80", "[ALERT] parsing [t.cfg:2] : 'dispatch' not allowed in 'defaults' section.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("http-request deny", "")]
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
