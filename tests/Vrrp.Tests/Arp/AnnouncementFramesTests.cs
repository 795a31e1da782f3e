using System.Net;
using Vrrp.Arp;
using Vrrp.Protocol;

namespace Vrrp.Tests.Arp;

public class AnnouncementFramesTests
{
    private static readonly byte[] Mac = [0x02, 0, 0, 0, 0x01, 0x12];

    [Fact]
    public void GratuitousArp_Vip_IsABroadcastRequestWithSenderEqualTarget()
    {
        var frame = AnnouncementFrames.GratuitousArp(Mac, IPAddress.Parse("203.0.113.100"));

        Assert.Equal("ffffffffffff" + "020000000112" + "0806" + "0001080006040001" + "020000000112" + "cb007164" + "ffffffffffff" + "cb007164",
            Convert.ToHexString(frame).ToLowerInvariant());
    }

    [Fact]
    public void UnsolicitedNeighbourAdvert_Vip_HasValidIcmpv6Checksum()
    {
        var vip = IPAddress.Parse("2001:db8::100");
        var frame = AnnouncementFrames.UnsolicitedNeighbourAdvert(Mac, vip);

        Assert.Equal(86, frame.Length);
        Assert.Equal(255, frame[14 + 7]);
        Assert.Equal(136, frame[54]);
        Assert.Equal(0, InternetChecksum.ComputeWithPseudoHeader(frame.AsSpan(54), vip, IPAddress.Parse("ff02::1"), 58));
    }
}
