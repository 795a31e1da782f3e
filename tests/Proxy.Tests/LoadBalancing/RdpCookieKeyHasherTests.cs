using System.Text;
using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

public class RdpCookieKeyHasherTests
{
    // TPKT (4 bytes) + X.224 connection request header (7 bytes), then the cookie line.
    private static byte[] Request(string line) => [3, 0, 0, 0x2f, 0x2a, 0xe0, 0, 0, 0, 0, 0, .. Encoding.ASCII.GetBytes(line)];

    [Theory]
    [InlineData("Cookie: mstshash=alice\r\n", "alice")]
    [InlineData("cookie:   MSTSHASH=bob\r\nmore", "bob")]
    public void TryFind_CookieLine_ReturnsValue(string line, string expected)
    {
        Assert.True(new RdpCookieKeyHasher("mstshash").TryFind(Request(line), out var value));
        Assert.Equal(expected, Encoding.ASCII.GetString(value));
    }

    [Theory]
    [InlineData("Cookie: other=alice\r\n")]
    [InlineData("Cookie: mstshash=alice")]
    [InlineData("Cookie: mstshash=alice\rx")]
    [InlineData("Set-Cookie: mstshash=a\r\n")]
    public void TryFind_NoCookie_ReturnsFalse(string line) => Assert.False(new RdpCookieKeyHasher("mstshash").TryFind(Request(line), out _));

    [Fact]
    public void TryFind_TooShort_ReturnsFalse() => Assert.False(new RdpCookieKeyHasher("mstshash").TryFind(new byte[11], out _));

    [Fact]
    public void TryHash_Payload_HashesTheValue()
    {
        var context = new BalanceContext(null) { Payload = Request("Cookie: mstshash=abc\r\n") };

        Assert.True(new RdpCookieKeyHasher("mstshash").TryHash(context, default, out var hash));
        Assert.Equal(0x3025f862u, hash);
    }
}
