using ConfigParser;
using ConfigParser.Model;
using Proxy.Hosting;

namespace Proxy.Tests.Hosting;

public class UnsupportedFeaturesTests
{
    private const string Defaults = "defaults\n mode http\n timeout connect 1s\n timeout client 1s\n timeout server 1s\n";

    private static HaproxyConfig Parse(string text)
    {
        var parsed = HaproxyConfigLoader.Parse([new ConfigSource("t.cfg", Defaults + text)]);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Diagnostics.Select(d => d.Text)));
        return parsed.Config!;
    }

    [Theory]
    [InlineData("send-proxy", "'send-proxy' is not run")]
    public void Of_ServerSettingThatChangesTraffic_IsReportedAtTheServerLine(string settings, string expected)
    {
        var backend = Parse($"backend be\n server a 127.0.0.1:1 {settings}\n").Backends[0];

        var (at, message, _) = Assert.Single(UnsupportedFeatures.Of(backend));

        Assert.Equal(7, at.Line);
        Assert.Contains(expected, message);
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("disabled")]
    public void Of_BackupOrDisabledServer_IsRun(string settings)
    {
        var backend = Parse($"backend be\n server a 127.0.0.1:1 {settings}\n").Backends[0];

        Assert.Empty(UnsupportedFeatures.Of(backend));
    }

    [Theory]
    [InlineData(" server a 127.0.0.1:1 check observe layer4 error-limit 3 on-error mark-down\n")]
    [InlineData(" server a 127.0.0.1:1 observe layer7\n")]
    [InlineData(" server a 127.0.0.1:1 check agent-check agent-port 9\n")]
    [InlineData(" server a 127.0.0.1:1 agent-check agent-port 9 agent-send \"hi\\n\"\n")]
    [InlineData(" server a 127.0.0.1:1 check check-ssl verify none\n")]
    [InlineData(" option tcp-check\n tcp-check send PING\\r\\n\n tcp-check expect string +PONG\n server a 127.0.0.1:1 check\n")]
    [InlineData(" server a 127.0.0.1:1 check ssl verify none check-sni x\n")]
    public void SoftOf_ObserveAgentOrCheckSsl_IsRun(string lines)
    {
        var backend = Parse("backend be\n" + lines).Backends[0];

        Assert.Empty(UnsupportedFeatures.SoftOf(backend));
    }

    [Fact]
    public void SoftOf_CheckedServerWithHttpCheck_IsRun()
    {
        var backend = Parse("backend be\n option httpchk GET /h\n http-check expect status 200\n server a 127.0.0.1:1 check\n").Backends[0];

        Assert.Empty(UnsupportedFeatures.Of(backend));
        Assert.Empty(UnsupportedFeatures.SoftOf(backend));
    }

    [Theory]
    [InlineData(" option smtpchk\n server a 127.0.0.1:1 check\n", "'option smtpchk' is not run")]
    [InlineData(" server a 127.0.0.1:1 check check-send-proxy\n", "'check-send-proxy' is not run")]
    [InlineData(" option tcp-check\n tcp-check expect string +PONG min-recv 3\n server a 127.0.0.1:1 check\n", "'tcp-check expect string +PONG min-recv 3' is not run")]
    [InlineData(" option httpchk\n http-check expect fhdr name x value y\n server a 127.0.0.1:1 check\n", "'http-check expect fhdr")]
    public void SoftOf_CheckSettingNotRun_IsReportedButNotAsTrafficChanging(string lines, string expected)
    {
        var backend = Parse("backend be\n" + lines).Backends[0];

        Assert.Empty(UnsupportedFeatures.Of(backend));
        Assert.Contains(expected, Assert.Single(UnsupportedFeatures.SoftOf(backend)).Message);
    }

    [Fact]
    public void Of_TlsServer_IsRun()
    {
        var config = Parse("frontend fe\n bind 127.0.0.1:8080\n use_backend be if TRUE\n default_backend be\n" +
                           "backend be\n server a 127.0.0.1:1 ssl verify none\n");

        Assert.Empty(UnsupportedFeatures.Of(config.Frontends[0]));
        Assert.Empty(UnsupportedFeatures.Of(config.Backends[0]));
    }

    [Fact]
    public void Of_PlainConfiguration_ReportsNothing()
    {
        var config = Parse("frontend fe\n bind 127.0.0.1:8080\n default_backend be\nbackend be\n server a 127.0.0.1:1 weight 3\n");

        Assert.Empty(UnsupportedFeatures.Of(config.Frontends[0]));
        Assert.Empty(UnsupportedFeatures.Of(config.Backends[0]));
        Assert.Empty(UnsupportedFeatures.SoftOf(config.Backends[0]));
    }
}
