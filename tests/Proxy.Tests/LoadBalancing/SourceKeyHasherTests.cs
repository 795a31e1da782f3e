using System.Net;
using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

public class SourceKeyHasherTests
{
    [Fact]
    public void Key_IPv4_AddressInHostOrder() => Assert.Equal(0xC0A80001u, SourceKeyHasher.Key(IPAddress.Parse("192.168.0.1")));

    [Fact]
    public void Key_IPv6_XorOfTheFourWords()
        => Assert.Equal(0x20010db8u ^ 0x1u ^ 0x2u ^ 0x3u, SourceKeyHasher.Key(IPAddress.Parse("2001:db8:0:1:0:2:0:3")));

    [Fact]
    public void TryHash_Avalanche_AppliedToTheAddress()
    {
        Assert.True(SourceKeyHasher.Instance.TryHash(Requests.Get("/", IPAddress.Parse("0.0.0.1")), new HashSettings(true, HashFunction.Djb2, true), out var hash));
        Assert.Equal(unchecked(0xb48681b6u * 3221225473u), hash);
    }
}
