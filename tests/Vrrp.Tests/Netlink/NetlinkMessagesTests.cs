using System.Net;
using Vrrp.Netlink;

namespace Vrrp.Tests.Netlink;

public class NetlinkMessagesTests
{
    [Fact]
    public void AddAddress_Ipv4_HasTheMinimumLayoutFromTheSpec()
    {
        var bytes = NetlinkMessages.AddAddress(7, 3, IPAddress.Parse("203.0.113.100"), 24);

        // nlmsghdr: length 40 (16 + 8 + IFA_LOCAL 8 + IFA_ADDRESS 8), type 20, flags 0x605, seq 7, pid 0.
        Assert.Equal("28000000" + "1400" + "0506" + "07000000" + "00000000" + "02180000" + "03000000"
                     + "08000200cb007164" + "08000100cb007164", Convert.ToHexString(bytes).ToLowerInvariant());
    }

    [Fact]
    public void AddAddress_WithLabel_AppendsPaddedIfaLabel()
    {
        var bytes = NetlinkMessages.AddAddress(1, 3, IPAddress.Parse("203.0.113.100"), 24, "eth0:vip");

        Assert.Equal(40 + 16, bytes.Length);
        Assert.Equal("0d000300" + Convert.ToHexString("eth0:vip\0"u8).ToLowerInvariant() + "000000", Convert.ToHexString(bytes[40..]).ToLowerInvariant());
    }

    [Fact]
    public void DeleteAddress_Ipv6_UsesFamily10AndFlagsRequestAck()
    {
        var bytes = NetlinkMessages.DeleteAddress(9, 4, IPAddress.Parse("2001:db8::1"), 64);

        Assert.Equal(16 + 8 + 20 + 20, bytes.Length);
        Assert.Equal(21, bytes[4]);
        Assert.Equal(0x05, bytes[6]);
        Assert.Equal(10, bytes[16]);
        Assert.Equal(64, bytes[17]);
    }

    [Fact]
    public void AddAddress_Ipv6_SetsNoDadSoTheVipIsUsableAtOnce()
    {
        var bytes = NetlinkMessages.AddAddress(1, 4, IPAddress.Parse("2001:db8::100"), 64);

        Assert.Equal((10, 64, 0x02), (bytes[16], bytes[17], bytes[18]));
        Assert.Equal(0, NetlinkMessages.AddAddress(1, 4, IPAddress.Parse("203.0.113.100"), 24)[18]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-17)]
    [InlineData(-99)]
    public void ReadAck_ErrorMessage_ReturnsErrno(int errno)
    {
        var reply = new byte[36];
        BitConverter.TryWriteBytes(reply.AsSpan(0), 36);
        BitConverter.TryWriteBytes(reply.AsSpan(4), (ushort)2);
        BitConverter.TryWriteBytes(reply.AsSpan(8), 5u);
        BitConverter.TryWriteBytes(reply.AsSpan(16), errno);

        Assert.Equal(errno, NetlinkMessages.ReadAck(reply, 5));
        Assert.Null(NetlinkMessages.ReadAck(reply, 6));
    }

    [Fact]
    public void ReadLinks_GarbageOrTruncated_ReturnsNothingWithoutThrowing()
    {
        var random = new Random(16);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 80)];
            random.NextBytes(bytes);
            _ = NetlinkMessages.ReadLinks(bytes);
            _ = NetlinkMessages.ReadAck(bytes, 1);
        }

        Assert.Empty(NetlinkMessages.ReadLinks([1, 2, 3]));
    }
}
