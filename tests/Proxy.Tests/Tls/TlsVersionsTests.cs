using System.Security.Authentication;
using Proxy.Tls;

namespace Proxy.Tests.Tls;

public class TlsVersionsTests
{
    [Fact]
    public void Range_MinTls12_IsTls12And13()
        => Assert.Equal(SslProtocols.Tls12 | SslProtocols.Tls13, TlsVersions.Range("TLSv1.2", null, out _));

    [Fact]
    public void Range_MaxTls12_StopsAt12()
        => Assert.Equal(SslProtocols.Tls12, TlsVersions.Range("TLSv1.2", "TLSv1.2", out _));

    [Fact]
    public void Range_UnknownWord_IsHaproxysError()
    {
        Assert.Null(TlsVersions.Range("TLSv9", null, out var error));
        Assert.Equal("'TLSv9' : unknown ssl/tls version", error);
    }

    [Fact]
    public void Name_Tls13_IsHaproxysSpelling() => Assert.Equal("TLSv1.3", TlsVersions.Name(SslProtocols.Tls13));

    [Fact]
    public void Narrow_NoFlags_KeepsTheSystemDefault()
        => Assert.Equal(SslProtocols.None, TlsVersions.Narrow(SslProtocols.None, new HashSet<string> { "strict-sni" }));

    [Fact]
    public void Narrow_NoTlsv13_RemovesItFromTheDefaultSet()
    {
        var set = TlsVersions.Narrow(SslProtocols.None, new HashSet<string> { "no-tlsv13", "no-tlsv10", "no-tlsv11" });

        Assert.Equal(SslProtocols.Tls12, set);
    }

    [Fact]
    public void Narrow_ForceTlsv13_IsOnlyThat() => Assert.Equal(SslProtocols.Tls13, TlsVersions.Narrow(SslProtocols.None, new HashSet<string> { "force-tlsv13" }));

    [Fact]
    public void Narrow_EverythingRemoved_IsDisabled()
        => Assert.Equal(TlsVersions.Disabled, TlsVersions.Narrow(SslProtocols.Tls13, new HashSet<string> { "no-tlsv13" }));
}
