using System.Net;
using Vrrp.Protocol;

namespace Vrrp.Tests.Protocol;

public class Ipv4HeaderTests
{
    [Fact]
    public void TryParse_HeaderOfAnAdvert_ReadsTtlAddressesAndPayload()
    {
        var header = Convert.FromHexString("45c00028" + "00000000" + "ff700000" + "cb00710b" + "e0000012");
        byte[] packet = [.. header, .. VrrpAdvertCodecTests.KeepalivedV2];

        Assert.True(Ipv4Header.TryParse(packet, out var ttl, out var protocol, out var source, out var destination, out var offset, out var length));
        Assert.Equal(255, ttl);
        Assert.Equal(112, protocol);
        Assert.Equal(IPAddress.Parse("203.0.113.11"), source);
        Assert.Equal(IPAddress.Parse("224.0.0.18"), destination);
        Assert.Equal(20, offset);
        Assert.Equal(20, length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("45c0")]
    [InlineData("65c00028000000000ff700000cb00710be000001")]
    [InlineData("4fc00028000000000ff700000cb00710be000001")]
    public void TryParse_NotIpv4_ReturnsFalse(string hex)
    {
        Assert.False(Ipv4Header.TryParse(Convert.FromHexString(hex.Length % 2 == 0 ? hex : hex + "0"), out _, out _, out _, out _, out _, out _));
    }
}
