using System.Net.Security;
using Proxy.Tls;

namespace Proxy.Tests.Tls;

public class OpenSslCipherNamesTests
{
    [Fact]
    public void Map_OpenSslNames_GivesTheIanaSuitesInOrder()
    {
        var suites = OpenSslCipherNames.Map("ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305", tls13: false, out var unmapped);

        Assert.Null(unmapped);
        Assert.Equal([TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256], suites);
    }

    [Theory]
    [InlineData("HIGH:!aNULL", false, "HIGH")]
    [InlineData("ECDHE-RSA-AES128-GCM-SHA256:+AES", false, "+AES")]
    [InlineData("TLS_AES_128_GCM_SHA256", false, "TLS_AES_128_GCM_SHA256")]
    [InlineData("ECDHE-RSA-AES128-GCM-SHA256", true, "ECDHE-RSA-AES128-GCM-SHA256")]
    public void Map_KeywordsOrWrongFamily_NamesTheFirstUnmapped(string list, bool tls13, string expected)
    {
        Assert.Null(OpenSslCipherNames.Map(list, tls13, out var unmapped));
        Assert.Equal(expected, unmapped);
    }
}
