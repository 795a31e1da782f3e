using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

public class UriKeyHasherTests
{
    [Theory]
    [InlineData("/a/b/c?x=1", 0, 0, false, false, "/a/b/c")]
    [InlineData("/a/b/c?x=1", 0, 0, true, false, "/a/b/c?x=1")]
    [InlineData("/a/b/c?x=1", 4, 0, false, false, "/a/b")]
    [InlineData("/a/b/c?x=1", 0, 1, false, false, "/a")]
    [InlineData("/a/b/c?x=1", 0, 2, false, false, "/a/b")]
    [InlineData("/a/b/c?x=1", 3, 2, false, false, "/a/")]
    [InlineData("http://h.example/a/b?x", 0, 0, false, true, "/a/b")]
    [InlineData("http://h.example/a/b?x", 0, 0, false, false, "http://h.example/a/b")]
    [InlineData("http://h.example", 0, 0, false, true, "")]
    [InlineData("http://h.example/a?x", 5, 0, true, true, "/a?x")]
    public void Key_Options_CutLikeHaproxy(string uri, int length, int depth, bool whole, bool pathOnly, string expected)
    {
        var hasher = new UriKeyHasher(length, depth, whole, pathOnly);

        Assert.Equal(expected, hasher.Key(uri).ToString());
    }

    [Fact]
    public void TryHash_Request_HashesTheRawTarget()
    {
        var hasher = new UriKeyHasher(0, 0, false, false);

        Assert.True(hasher.TryHash(Requests.Get("/index.html?q"), default, out var hash));
        Assert.Equal(0x33242976u, hash);
    }
}
