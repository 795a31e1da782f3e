using System.Net;
using Vrrp.Protocol;

namespace Vrrp.Tests.Protocol;

public class VrrpAdvertCodecTests
{
    // keepalived 2.2.7's advert captured here (../shared/spec/vrrp.md "Wire format").
    internal static readonly byte[] KeepalivedV2 = Convert.FromHexString("21336701" + "0101c264" + "cb007164" + "7800000000000000");
    internal static readonly IPAddress Source = IPAddress.Parse("203.0.113.11");
    internal static readonly IPAddress Group = IPAddress.Parse(VrrpConstants.IPv4Multicast);

    [Fact]
    public void Decode_KeepalivedV2Advert_ReadsEveryField()
    {
        var result = VrrpAdvertCodec.Decode(KeepalivedV2, Source, Group);

        Assert.True(result.IsValid, result.Detail);
        var advert = result.Advert!;
        Assert.Equal(2, advert.Version);
        Assert.Equal(51, advert.VirtualRouterId);
        Assert.Equal(103, advert.Priority);
        Assert.Equal(100, advert.AdvertIntervalCentiseconds);
        Assert.Equal([IPAddress.Parse("203.0.113.100")], advert.Addresses);
        Assert.Equal(1, advert.AuthType);
        Assert.Equal("x", advert.Password);
    }

    [Fact]
    public void Encode_KeepalivedV2Advert_ReproducesTheBytes()
    {
        var advert = VrrpAdvertCodec.Decode(KeepalivedV2, Source, Group).Advert!;

        Assert.Equal(KeepalivedV2, VrrpAdvertCodec.Encode(advert, Source, Group));
    }

    [Theory]
    [InlineData("203.0.113.11", "224.0.0.18", "203.0.113.100", 20)]
    [InlineData("2001:db8::1", "ff02::12", "2001:db8::100", 100)]
    public void Encode_V3_DecodesToTheSameAdvertAndCarriesCentiseconds(string source, string destination, string vip, int intervalCs)
    {
        var src = IPAddress.Parse(source);
        var dst = IPAddress.Parse(destination);
        var advert = new VrrpAdvert(3, 7, 150, intervalCs, [IPAddress.Parse(vip)]);

        var bytes = VrrpAdvertCodec.Encode(advert, src, dst);
        var decoded = VrrpAdvertCodec.Decode(bytes, src, dst);

        Assert.Equal(0x31, bytes[0]);
        Assert.Equal(intervalCs, (bytes[4] << 8) | bytes[5]);
        Assert.True(decoded.IsValid, decoded.Detail);
        Assert.True(advert.SameAs(decoded.Advert!));
    }

    [Fact]
    public void Decode_V3WithAnotherPseudoHeaderSource_FailsTheChecksum()
    {
        var dst = Group;
        var bytes = VrrpAdvertCodec.Encode(new VrrpAdvert(3, 7, 150, 100, [IPAddress.Parse("203.0.113.100")]), Source, dst);

        var result = VrrpAdvertCodec.Decode(bytes, IPAddress.Parse("203.0.113.12"), dst);

        Assert.Equal(VrrpRejectReason.BadChecksum, result.Reason);
    }

    [Theory]
    [InlineData(0, 0x41, VrrpRejectReason.WrongVersion)]
    [InlineData(0, 0x22, VrrpRejectReason.WrongType)]
    [InlineData(9, 0x79, VrrpRejectReason.BadChecksum)]
    [InlineData(3, 0x02, VrrpRejectReason.Truncated)]
    public void Decode_DamagedByte_ReportsWhy(int index, int value, VrrpRejectReason expected)
    {
        var bytes = (byte[])KeepalivedV2.Clone();
        bytes[index] = (byte)value;

        Assert.Equal(expected, VrrpAdvertCodec.Decode(bytes, Source, Group).Reason);
    }

    [Fact]
    public void Decode_FixedSeedFuzz_NeverThrowsAndNeverAcceptsDamage()
    {
        var random = new Random(5798);
        for (var round = 0; round < 20000; round++)
        {
            byte[] bytes;
            switch (round % 3)
            {
                case 0:
                    bytes = new byte[random.Next(0, 64)];
                    random.NextBytes(bytes);
                    break;
                case 1:
                    bytes = KeepalivedV2[..random.Next(0, KeepalivedV2.Length)];
                    break;
                default:
                    bytes = (byte[])KeepalivedV2.Clone();
                    bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
                    break;
            }

            var result = VrrpAdvertCodec.Decode(bytes, Source, Group);
            // A single damaged byte or a truncation always breaks the checksum or the length: never accepted.
            Assert.False(round % 3 != 0 && result.IsValid, $"damaged advert accepted: {Convert.ToHexString(bytes)}");
            // Random bytes that happen to decode must at least have passed the checksum.
            Assert.True(!result.IsValid || InternetChecksum.Compute(bytes.AsSpan(0, Math.Min(bytes.Length, 8 + bytes[3] * 4 + 8))) == 0);
        }
    }
}
