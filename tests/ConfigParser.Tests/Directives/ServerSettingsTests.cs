using ConfigParser.Diagnostics;
using ConfigParser.Directives;
using ConfigParser.Lexing;
using ConfigParser.Model;
using ConfigParser.Tests.Support;

namespace ConfigParser.Tests.Directives;

/// <summary>The typed settings of `server` and `default-server` lines (haproxy 2.6 configuration.txt §5.2).</summary>
public sealed class ServerSettingsTests
{
    private static readonly SourceLocation At = new(TestConfig.FileName, 10);

    private static ServerDefinition Parse(string line, ServerDefinition? defaults = null)
    {
        var diagnostics = new DiagnosticBag();
        var server = ServerParser.Parse(new ConfigLine(At, line.Split(' ')), "be", diagnostics, defaults);
        Assert.Empty(diagnostics.Items);
        return server!;
    }

    [Fact]
    public void Parse_HealthCheckSettings_AreTyped()
    {
        var server = Parse("server s1 127.0.0.1:80 check inter 2s fastinter 500ms downinter 10s rise 3 fall 4 port 8080 addr 10.0.0.1");

        Assert.True(server.Check);
        Assert.Equal(TimeSpan.FromSeconds(2), server.Inter);
        Assert.Equal(TimeSpan.FromMilliseconds(500), server.FastInter);
        Assert.Equal(TimeSpan.FromSeconds(10), server.DownInter);
        Assert.Equal((3, 4, 8080, "10.0.0.1"), (server.Rise, server.Fall, server.CheckPort, server.CheckAddress));
    }

    [Fact]
    public void Parse_LimitsAndRoles_AreTyped()
    {
        var server = Parse("server s1 127.0.0.1:80 backup disabled maxconn 100 maxqueue 10 minconn 5 id 7 cookie s1 slowstart 30s");

        Assert.True(server.Backup);
        Assert.True(server.Disabled);
        Assert.Equal((100, 10, 5, 7, "s1"), (server.MaxConn, server.MaxQueue, server.MinConn, server.Id, server.Cookie));
        Assert.Equal(TimeSpan.FromSeconds(30), server.SlowStart);
    }

    [Fact]
    public void Parse_TlsAndProxyProtocol_AreTyped()
    {
        var server = Parse("server s1 127.0.0.1:443 ssl verify none ca-file ca.pem crt c.pem sni str(x) check-ssl alpn h2,http/1.1 send-proxy-v2");

        Assert.True(server.Ssl);
        Assert.True(server.CheckSsl);
        Assert.True(server.SendProxyV2);
        Assert.False(server.SendProxy);
        Assert.Equal(("none", "ca.pem", "c.pem", "str(x)", "h2,http/1.1"), (server.Verify, server.CaFile, server.Certificate, server.Sni, server.Alpn));
    }

    [Theory]
    [InlineData("ssl check", false, false)]
    [InlineData("ssl check no-check-ssl", false, true)]
    [InlineData("check no-check-ssl check-ssl", true, false)]
    public void Parse_NoCheckSsl_RecordedApartFromCheckSsl(string settings, bool checkSsl, bool noCheckSsl)
    {
        var server = Parse("server s1 127.0.0.1:443 " + settings);

        Assert.Equal((checkSsl, noCheckSsl), (server.CheckSsl, server.NoCheckSsl));
    }

    [Fact]
    public void Parse_AgentObserveAndTracking_AreTyped()
    {
        var server = Parse("server s1 127.0.0.1:80 agent-check agent-port 9999 agent-inter 5s observe layer7 error-limit 10 on-error mark-down track be2/s1 resolvers dns init-addr last,none");

        Assert.True(server.AgentCheck);
        Assert.Equal(9999, server.AgentPort);
        Assert.Equal(TimeSpan.FromSeconds(5), server.AgentInter);
        Assert.Equal(("layer7", 10, "mark-down", "be2/s1", "dns", "last,none"),
            (server.Observe, server.ErrorLimit, server.OnError, server.Track, server.Resolvers, server.InitAddr));
    }

    [Fact]
    public void Parse_OtherKeyword_IsKeptAsWritten()
    {
        var server = Parse("server s1 127.0.0.1:80 pool-max-conn 10 tfo");

        Assert.Equal(new Dictionary<string, string> { ["pool-max-conn"] = "10", ["tfo"] = "" }, server.OtherSettings);
    }

    [Fact]
    public void Parse_AfterDefaultServer_StartsFromItsSettings()
    {
        var diagnostics = new DiagnosticBag();
        var defaults = ServerParser.ParseDefaults(new ConfigLine(At, "default-server inter 3s fall 2 weight 5".Split(' ')), "be", diagnostics, null);

        var server = Parse("server s1 127.0.0.1:80 check", defaults);

        Assert.Empty(diagnostics.Items);
        Assert.Equal((TimeSpan.FromSeconds(3), 2, 5, true, "s1"), (server.Inter!.Value, server.Fall, server.Weight, server.Check, server.Name));
    }
}
