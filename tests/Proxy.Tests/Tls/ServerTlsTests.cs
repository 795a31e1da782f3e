using System.Security.Authentication;
using ConfigParser;
using ConfigParser.Diagnostics;
using ConfigParser.Model;
using Proxy.Tls;

namespace Proxy.Tests.Tls;

public class ServerTlsTests
{
    private static HaproxyConfig Parse(string servers)
    {
        var text = "defaults\n mode http\n timeout client 1s\n timeout server 1s\n timeout connect 1s\nbackend be\n" + servers;
        var parsed = HaproxyConfigLoader.Parse([new ConfigSource("t.cfg", text)]);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Diagnostics.Select(d => d.Text)));
        return parsed.Config!;
    }

    private static (BackendTls? Tls, List<string> Unsupported) ForBackend(string servers)
    {
        var config = Parse(servers);
        var unsupported = new List<string>();
        var tls = ServerTls.ForBackend(config.Backends[0], config.Global, new DiagnosticBag(), (_, message, _) => unsupported.Add(message));
        return (tls, unsupported);
    }

    [Fact]
    public void ForBackend_DifferentSettingsPerServer_AreRunAtConnectTime()
    {
        var (tls, unsupported) = ForBackend(
            " server a 127.0.0.1:8443 ssl verify none sni str(a.test)\n server b 127.0.0.2:8443 ssl verify none\n server c 127.0.0.3:80\n");

        Assert.Empty(unsupported);
        Assert.Null(tls!.Pool);
        Assert.Equal("a.test", tls.Connector!.Find(new System.Net.DnsEndPoint("127.0.0.1", 8443))!.TargetHost);
        Assert.Equal("", tls.Connector.Find(new System.Net.DnsEndPoint("127.0.0.2", 8443))!.TargetHost);
        Assert.Null(tls.Connector.Find(new System.Net.DnsEndPoint("127.0.0.3", 80)));
    }

    [Fact]
    public void ForBackend_SniFromHost_UsesThePoolAndDifferingPoolServersAreReported()
    {
        var (tls, unsupported) = ForBackend(
            " server a 127.0.0.1:8443 ssl verify none sni req.hdr(host)\n server b 127.0.0.2:8443 ssl verify none sni req.hdr(host) alpn http/1.1\n");

        Assert.NotNull(tls!.Pool);
        Assert.Null(tls.Connector);
        Assert.Contains("'server be/b': TLS settings differing from 'server be/a'", Assert.Single(unsupported));
    }

    [Fact]
    public void ForBackend_SniExpressionNotRun_IsReported()
    {
        var (_, unsupported) = ForBackend(" server a 127.0.0.1:8443 ssl verify none sni ssl_fc_sni\n");

        Assert.Contains("'sni ssl_fc_sni' is not run by this proxy yet", Assert.Single(unsupported));
    }

    [Theory]
    [InlineData("str(a.test)", "a.test")]
    [InlineData("str(\"b.test\")", "b.test")]
    [InlineData("req.hdr(host)", null)]
    [InlineData("str()", null)]
    public void ConstantSni_Expression_GivesTheConstantOrNull(string expression, string? expected)
    {
        Assert.Equal(expected, ServerTls.ConstantSni(expression));
    }

    [Fact]
    public void ForBackend_ServerCipherStringRefused_AlertsWithTheServerLine()
    {
        var config = Parse(" server a 127.0.0.1:8443 ssl verify none ciphers PROFILE=SYSTEM ciphersuites TLS_BOGUS\n");
        var diagnostics = new DiagnosticBag();

        Assert.Null(ServerTls.ForBackend(config.Backends[0], config.Global, diagnostics, (_, _, _) => { }));
        Assert.Equal(["[t.cfg:7] : 'server be/a' : unable to set SSL cipher list to 'PROFILE=SYSTEM'.", "unable to set TLS 1.3 cipher suites to 'TLS_BOGUS'."],
            diagnostics.Items.Select(d => d.Text));
    }

    [Fact]
    public void ForBackend_ServerVersions_FromTheServerElseTheGlobalOptions()
    {
        var config = HaproxyConfigLoader.Parse([new ConfigSource("t.cfg", "global\n ssl-default-server-options ssl-min-ver TLSv1.2\n"
            + "defaults\n mode http\n timeout client 1s\n timeout server 1s\n timeout connect 1s\nbackend be\n"
            + " server a 127.0.0.1:1 ssl verify none\n server b 127.0.0.2:1 ssl verify none ssl-min-ver TLSv1.3\n"
            + " server c 127.0.0.3:1 ssl verify none no-tlsv13\n")]).Config!;

        var tls = ServerTls.ForBackend(config.Backends[0], config.Global, new DiagnosticBag(), (_, _, _) => { });

        Assert.Equal(SslProtocols.Tls12 | SslProtocols.Tls13, tls!.Connector!.Find(new System.Net.DnsEndPoint("127.0.0.1", 1))!.EnabledSslProtocols);
        Assert.Equal(SslProtocols.Tls13, tls.Connector.Find(new System.Net.DnsEndPoint("127.0.0.2", 1))!.EnabledSslProtocols);
        Assert.Equal(SslProtocols.Tls12, tls.Connector.Find(new System.Net.DnsEndPoint("127.0.0.3", 1))!.EnabledSslProtocols);
    }

    [Fact]
    public void SniFromHost_OnlyForSslServersWithHostSni()
    {
        var config = Parse(" server a 127.0.0.1:8443 ssl verify none sni hdr(host)\n server b 127.0.0.1:80 sni hdr(host)\n server c 127.0.0.1:8443 ssl verify none\n"
            + " server d 127.0.0.1:8443 ssl verify none sni req.hdr(Host)\n");

        Assert.Equal([true, false, false, true], config.Backends[0].Servers.Select(ServerTls.SniFromHost));
    }
}
