using System.Security.Authentication;
using Microsoft.AspNetCore.Connections.Features;
using static Proxy.Tests.Http.Conditions.ConditionTestRequests;

namespace Proxy.Tests.Http.Conditions;

public class TlsFetchesTests
{
    private sealed class FakeHandshake(string hostName, SslProtocols protocol) : ITlsHandshakeFeature
    {
        public SslProtocols Protocol => protocol;
        public string HostName => hostName;
#pragma warning disable SYSLIB0058 // The legacy algorithm properties are part of the interface.
        public System.Security.Authentication.CipherAlgorithmType CipherAlgorithm => default;
        public int CipherStrength => 0;
        public HashAlgorithmType HashAlgorithm => default;
        public int HashStrength => 0;
        public ExchangeAlgorithmType KeyExchangeAlgorithm => default;
        public int KeyExchangeStrength => 0;
#pragma warning restore SYSLIB0058
    }

    [Theory]
    [InlineData("ssl_fc", true)]
    [InlineData("ssl_fc_sni www.example.com", true)]
    [InlineData("ssl_fc_sni -m end .example.com", true)]
    [InlineData("ssl_fc_sni other.org", false)]
    [InlineData("ssl_fc_protocol TLSv1.3", true)]
    [InlineData("ssl_fc_protocol TLSv1.2", false)]
    [InlineData("ssl_c_used", false)]
    [InlineData("ssl_c_verify 0", true)]
    public void Compile_TlsConnection_MatchesTheHandshake(string criterion, bool expected)
    {
        var request = Request();
        request.Features.Set<ITlsHandshakeFeature>(new FakeHandshake("www.example.com", SslProtocols.Tls13));

        Assert.Equal(expected, Compile("", $"if {{ {criterion} }}").Matches(request));
    }

    [Fact]
    public void Compile_NegatedSslFc_HoldsOnlyOnCleartext()
    {
        // The `redirect scheme https if !{ ssl_fc }` idiom.
        var predicate = Compile("", "if !{ ssl_fc }");
        var tls = Request();
        tls.Features.Set<ITlsHandshakeFeature>(new FakeHandshake("a.test", SslProtocols.Tls12));

        Assert.True(predicate.Matches(Request()));
        Assert.False(predicate.Matches(tls));
    }

    [Theory]
    [InlineData("ssl_fc")]
    [InlineData("ssl_fc_sni -m found")]
    [InlineData("ssl_fc_protocol -m found")]
    [InlineData("ssl_c_used")]
    [InlineData("ssl_c_s_dn -m found")]
    public void Compile_Cleartext_NeverMatches(string criterion)
        => Assert.False(Compile("", $"if {{ {criterion} }}").Matches(Request()));
}
