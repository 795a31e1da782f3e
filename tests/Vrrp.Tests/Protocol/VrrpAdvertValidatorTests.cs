using System.Net;
using Vrrp.Protocol;

namespace Vrrp.Tests.Protocol;

public class VrrpAdvertValidatorTests
{
    private static readonly VrrpExpectation Expected = new(2, 51, 100, 1, "x", [IPAddress.Parse("203.0.113.100")]);
    private static readonly VrrpAdvert Good = new(2, 51, 103, 100, [IPAddress.Parse("203.0.113.100")], 1, "x");

    public static TheoryData<string, VrrpAdvert, int, VrrpRejectReason> Cases => new()
    {
        { "good", Good, 255, VrrpRejectReason.None },
        { "other vrid", Good with { VirtualRouterId = 52 }, 255, VrrpRejectReason.OtherVirtualRouter },
        { "ttl", Good, 64, VrrpRejectReason.WrongTtl },
        { "version", Good with { Version = 3, AuthType = 0, Password = "" }, 255, VrrpRejectReason.WrongVersion },
        { "auth 0", Good with { AuthType = 0, Password = "" }, 255, VrrpRejectReason.AuthTypeMismatch },
        { "password", Good with { Password = "y" }, 255, VrrpRejectReason.WrongPassword },
        { "interval", Good with { AdvertIntervalCentiseconds = 200 }, 255, VrrpRejectReason.IntervalMismatch },
        { "vip", Good with { Addresses = [IPAddress.Parse("203.0.113.101")] }, 255, VrrpRejectReason.AddressListMismatch },
        { "vip count", Good with { Addresses = [] }, 255, VrrpRejectReason.AddressListMismatch },
        { "release ignores vips", Good with { Priority = 0, Addresses = [] }, 255, VrrpRejectReason.None },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_EachFieldWrongInTurn_ReportsThatField(string name, VrrpAdvert advert, int ttl, VrrpRejectReason expected)
    {
        var result = VrrpAdvertValidator.Validate(advert, ttl, Expected);

        Assert.True(expected == result.Reason, $"{name}: {result.Reason} {result.Detail}");
    }

    [Fact]
    public void Validate_KeepalivedCapture_IsAccepted()
    {
        var decoded = VrrpAdvertCodec.Decode(VrrpAdvertCodecTests.KeepalivedV2, VrrpAdvertCodecTests.Source, VrrpAdvertCodecTests.Group);

        Assert.True(VrrpAdvertValidator.Validate(decoded.Advert!, 255, Expected).IsValid);
    }
}
