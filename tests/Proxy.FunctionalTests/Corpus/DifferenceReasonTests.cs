namespace Proxy.FunctionalTests.Corpus;

/// <summary>The automatic `reason` of tests/corpus-differences.tsv, from the two outputs.</summary>
public sealed class DifferenceReasonTests
{
    private const string Alert = "[ALERT]    (42) : config : ";
    private const string Warning = "[WARNING]  (42) : config : ";

    [Theory]
    // Our earlier alert is a feature we knowingly lack.
    [InlineData(Alert + "parsing [f.cfg:40] : x", Alert + "parsing [f.cfg:9]: 'http-request redirect' is not supported by this proxy yet; the supported actions are: 'return'.",
        "not implemented: http-request redirect")]
    // Our earlier alert is a plain syntax disagreement: a bug, not a reason.
    [InlineData(Alert + "parsing [f.cfg:40] : x", Alert + "parsing [f.cfg:2] : unknown keyword 'log' in 'global' section", "UNEXPLAINED")]
    [InlineData("", Alert + "parsing [f.cfg:2] : unknown keyword 'log' in 'global' section", "UNEXPLAINED")]
    // haproxy stops on the machine, we do not look at it.
    [InlineData(Alert + "[f.cfg:36] : 'server b/s' : could not resolve address 'db'.", "", "environment: hostname does not resolve")]
    [InlineData(Alert + "parsing [f.cfg:5] : log : invalid address: 'loghost' in 'loghost'", "", "environment: hostname does not resolve")]
    [InlineData(Alert + "parsing [f.cfg:3] : error in Lua file '/etc/haproxy/cors.lua': cannot open /etc/haproxy/cors.lua", "", "environment: missing Lua file")]
    [InlineData(Alert + "parsing [f.cfg:70] : 'bind :443' in section 'frontend' : unable to stat SSL certificate from file 'a.pem' : No such file or directory.",
        Alert + "parsing [f.cfg:80] : y", "environment: missing SSL certificate file")]
    // haproxy rejects a line we only warn about.
    [InlineData(Alert + "parsing [f.cfg:50] : z", Warning + "parsing [f.cfg:50] : 'timeout queue' is not implemented by this proxy yet; it is ignored.",
        "not implemented: timeout queue")]
    [InlineData(Alert + "parsing [f.cfg:50] : z", Warning + "parsing [f.cfg:51] : 'timeout queue' is not implemented by this proxy yet; it is ignored.", "UNEXPLAINED")]
    [InlineData(Alert + "parsing [f.cfg:17] : 'bind' : invalid address: 'mptcp@[::]' in 'mptcp@[::]:5000'", "", "UNEXPLAINED")]
    public void Derive_Haproxy_ReasonFromWhereTheOutputsPartWays(string reference, string proxy, string expected)
    {
        var reason = Derive("haproxy", CheckVerdict.FromHaproxyStyle(Run(reference), "f.cfg"), Run(proxy));

        Assert.Equal(expected, reason);
    }

    [Theory]
    [InlineData("(k.conf: Line 51) WARNING - interface eth1 for vrrp_instance VI_3 doesn't exist", "environment: no such interface")]
    [InlineData("Disabling track script chk since not found/accessible", "environment: track script not found")]
    [InlineData("(k.conf: Line 9) Unknown keyword 'garp_master_delay'", "not implemented: keepalived.conf (-k is acknowledged, not read)")]
    public void Derive_Keepalived_EnvironmentOrNotReadYet(string reference, string expected)
    {
        var proxy = new CheckRun(0, "Configuration file is valid\n",
            Warning.Replace("config : ", "config : '-k k.conf': keepalived.conf and VRRP are not implemented yet; the file is not read."), TimedOut: false);

        var reason = DifferenceReason.Derive("keepalived",
            CheckVerdict.FromKeepalived(new CheckRun(1, "", reference, TimedOut: false), "k.conf"), CheckVerdict.FromHaproxyStyle(proxy, "k.conf"), proxy);

        Assert.Equal(expected, reason);
    }

    private static string Derive(string corpus, CheckVerdict reference, CheckRun proxy)
        => DifferenceReason.Derive(corpus, reference, CheckVerdict.FromHaproxyStyle(proxy, "f.cfg"), proxy);

    // An output with an [ALERT] is an invalid verdict (exit 1); one without is valid (exit 0).
    private static CheckRun Run(string stderr) => new(stderr.Contains("[ALERT]") ? 1 : 0, "", stderr, TimedOut: false);
}
