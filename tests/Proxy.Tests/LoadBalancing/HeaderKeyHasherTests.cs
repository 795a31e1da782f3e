using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

public class HeaderKeyHasherTests
{
    [Theory]
    [InlineData("haproxy.1wt.eu", "1wt")]
    [InlineData("example.com", "example")]
    [InlineData("localhost", "localhost")]
    [InlineData("a.b.", "b")]
    [InlineData(".com", ".com")]
    [InlineData("a..com", "a.")]
    public void Domain_UseDomainOnly_LabelBeforeTheLastDot(string value, string expected)
        => Assert.Equal(expected, HeaderKeyHasher.Domain(value).ToString());

    [Fact]
    public void TryHash_FirstValueOfFirstOccurrence_IsHashed()
    {
        var hasher = new HeaderKeyHasher("x-key", useDomainOnly: false);

        Assert.True(hasher.TryHash(Requests.Get("/", null, ("X-Key", " a , b"), ("X-Key", "c")), default, out var hash));
        Assert.Equal(0x61u, hash);
    }

    [Fact]
    public void TryHash_UseDomainOnly_HashesTheDomainLabel()
    {
        var hasher = new HeaderKeyHasher("host", useDomainOnly: true);

        Assert.True(hasher.TryHash(Requests.Get("/", null, ("Host", "www.abc.com")), default, out var hash));
        Assert.Equal(HashFunctions.Sdbm("abc".AsSpan()), hash);
    }

    [Theory]
    [InlineData("Other", "a")]
    [InlineData("X-Key", "")]
    public void TryHash_AbsentOrEmpty_NoKey(string name, string value)
        => Assert.False(new HeaderKeyHasher("x-key", false).TryHash(Requests.Get("/", null, (name, value)), default, out _));
}
