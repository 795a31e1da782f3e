namespace Proxy.FunctionalTests.Corpus;

/// <summary>Reading a verdict and the first blamed file:line out of `haproxy -c`, `proxy -c` and `keepalived -t` output.</summary>
public sealed class CheckVerdictTests
{
    private const string Alert = "[ALERT]    (42) : config : ";

    [Theory]
    [InlineData(0, "", "valid")]
    [InlineData(2, "Configuration file has no error but will not start (no listener) => exit(2).", "no listener")]
    [InlineData(1, Alert + "parsing [f.cfg:12] : unknown keyword 'x' in 'global' section", "invalid f.cfg:12")]
    [InlineData(1, Alert + "[f.cfg:36] : 'server b/s' : could not resolve address 'db'.", "invalid f.cfg:36")]
    [InlineData(1, Alert + "parsing [f.cfg:7]: missing LF on last line, file might have been truncated at position 3.", "invalid f.cfg:7")]
    [InlineData(1, Alert + "Proxy 'p': unable to find required default_backend: 'b'.\n" + Alert + "Fatal errors found in configuration.", "invalid")]
    [InlineData(1, "[WARNING]  (42) : config : parsing [f.cfg:3] : a warning\n" + Alert + "parsing [f.cfg:9] : an alert", "invalid f.cfg:9")]
    [InlineData(1, Alert + "Error(s) found in configuration file : f.cfg\n" + Alert + "parsing [f.cfg:5] : late", "invalid f.cfg:5")]
    [InlineData(139, "", "exit 139")]
    public void FromHaproxyStyle_Output_VerdictAndFirstLocatedAlert(int exitCode, string stderr, string expected)
    {
        var verdict = CheckVerdict.FromHaproxyStyle(new CheckRun(exitCode, "", stderr, TimedOut: false), "f.cfg");

        Assert.Equal(expected, verdict.ToString());
    }

    [Fact]
    public void FromHaproxyStyle_TimedOut_Timeout()
    {
        var verdict = CheckVerdict.FromHaproxyStyle(new CheckRun(-1, "", "", TimedOut: true), "f.cfg");

        Assert.Equal("timeout", verdict.ToString());
    }

    [Theory]
    [InlineData(0, "", "valid")]
    [InlineData(5, "(k.conf: Line 51) WARNING - interface eth1 for vrrp_instance VI_3 doesn't exist\nNon-existent interface", "invalid k.conf:51")]
    [InlineData(1, "(Line 15) number '0' outside range [0.000001, 4294.967295]", "invalid k.conf:15")]
    [InlineData(1, "Disabling track script chk since not found/accessible", "invalid")]
    public void FromKeepalived_Output_VerdictAndFirstLocatedLine(int exitCode, string stderr, string expected)
    {
        var verdict = CheckVerdict.FromKeepalived(new CheckRun(exitCode, "", stderr, TimedOut: false), "k.conf");

        Assert.Equal(expected, verdict.ToString());
    }

    [Fact]
    public void BlamedLine_InvalidWithLocation_LineNumber()
    {
        var verdict = CheckVerdict.FromHaproxyStyle(new CheckRun(1, "", Alert + "parsing [dir/f.cfg:42] : x", TimedOut: false), "f.cfg");

        Assert.Equal((42, "parsing [dir/f.cfg:42] : x"), (verdict.BlamedLine, verdict.BlameMessage));
    }
}
