using System.Net;
using Vrrp.Protocol;

namespace Vrrp.Tests.Protocol;

public class InternetChecksumTests
{
    [Theory]
    // RFC 1071 §3 example: words 0001 f203 f4f5 f6f7 sum to ddf2, checksum 220d.
    [InlineData("0001f203f4f5f6f7", 0x220d)]
    [InlineData("", 0xffff)]
    [InlineData("ff", 0x00ff)]
    // keepalived's advert with its checksum field zeroed gives the checksum it sent (c264).
    [InlineData("2133670101010000cb0071647800000000000000", 0xc264)]
    public void Compute_KnownVectors_Match(string hex, int expected)
    {
        Assert.Equal((ushort)expected, InternetChecksum.Compute(Convert.FromHexString(hex)));
    }

    [Fact]
    public void ComputeWithPseudoHeader_Ipv4_EqualsChecksumOverExplicitPseudoHeader()
    {
        var data = Convert.FromHexString("3133960100640000cb007164");
        // source, destination, zero, protocol 112, VRRP length 12.
        var pseudo = Convert.FromHexString("cb00710be0000012" + "0070" + "000c");

        var expected = InternetChecksum.Compute([.. pseudo, .. data]);

        Assert.Equal(expected, InternetChecksum.ComputeWithPseudoHeader(data, IPAddress.Parse("203.0.113.11"), IPAddress.Parse("224.0.0.18"), 112));
    }
}
