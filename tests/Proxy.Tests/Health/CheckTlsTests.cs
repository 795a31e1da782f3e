using System.Net;
using Proxy.Health;

namespace Proxy.Tests.Health;

public class CheckTlsTests
{
    private static (ConfigParser.Model.BackendSection Backend, ConfigParser.Model.ServerDefinition Server) Parse(string settings)
    {
        var backend = HealthRuntime.Backend($"backend be\n server s1 127.0.0.1:443 {settings}\n").Definition;
        return (backend, backend.Servers[0]);
    }

    // Verified with haproxy 2.6.12 `show stat` (L6OK for TLS, L4OK in clear).
    [Theory]
    [InlineData("check", false)]
    [InlineData("ssl verify none check", true)]
    [InlineData("check-ssl verify none check", true)]
    [InlineData("ssl verify none check port 444", false)]
    [InlineData("ssl verify none check addr 127.0.0.2", false)]
    [InlineData("ssl verify none check port 444 check-ssl", true)]
    [InlineData("ssl verify none no-check-ssl check", false)]
    public void Uses_ServerSettings_HaproxyDefaults(string settings, bool expected)
    {
        Assert.Equal(expected, CheckTls.Uses(Parse(settings).Server));
    }

    [Fact]
    public void Options_CheckSni_SentAndNoAlpn()
    {
        var (backend, server) = Parse("ssl verify none check check-sni api.example");

        var options = CheckTls.Options(backend, server, new IPEndPoint(IPAddress.Loopback, 443), new());

        Assert.Equal(("api.example", (object?)null), (options!.TargetHost, options.ApplicationProtocols));
    }

    [Fact]
    public void Options_NoCheckSni_NoServerName()
    {
        var (backend, server) = Parse("ssl verify none check sni str(traffic.example)");

        Assert.Equal("", CheckTls.Options(backend, server, new IPEndPoint(IPAddress.Loopback, 443), new())!.TargetHost);
    }

    [Fact]
    public void Options_InClear_Null()
    {
        var (backend, server) = Parse("check");

        Assert.Null(CheckTls.Options(backend, server, new IPEndPoint(IPAddress.Loopback, 443), new()));
    }
}
