using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

public class UrlParamKeyHasherTests
{
    [Theory]
    [InlineData("/x?id=42", "42")]
    [InlineData("/x?a=1&id=42&id=7", "42")]
    [InlineData("/x?id=&b=1", "")]
    [InlineData("/x?xid=1&id=2", "2")]
    public void TryFind_ParameterPresent_ReturnsItsValue(string uri, string expected)
    {
        Assert.True(new UrlParamKeyHasher("id").TryFind(uri, out var value));
        Assert.Equal(expected, value.ToString());
    }

    [Theory]
    [InlineData("/x")]
    [InlineData("/x?ID=1")]
    [InlineData("/x?idx=1")]
    [InlineData("/x?id")]
    [InlineData("/id=1")]
    public void TryFind_ParameterAbsent_ReturnsFalse(string uri) => Assert.False(new UrlParamKeyHasher("id").TryFind(uri, out _));

    [Fact]
    public void TryHash_NoParameter_NoKey() => Assert.False(new UrlParamKeyHasher("id").TryHash(Requests.Get("/x"), default, out _));
}
