using Proxy.Tls;

namespace Proxy.Tests.Tls;

public class SniMapTests
{
    private static SniMap<string> Map(bool strict = false)
        => new([("a.example.com", "a"), ("*.example.com", "wild"), ("a.example.com", "second"), ("*.deep.example.com", "deep")], strict ? null : "default");

    [Theory]
    [InlineData("a.example.com", "a")]
    [InlineData("A.Example.COM", "a")]
    [InlineData("a.example.com.", "a")]
    [InlineData("b.example.com", "wild")]
    [InlineData("x.deep.example.com", "deep")]
    [InlineData("x.y.example.com", "default")]
    [InlineData("example.com", "default")]
    [InlineData("other.org", "default")]
    [InlineData("", "default")]
    [InlineData(null, "default")]
    public void Find_Name_ExactThenOneLabelWildcardThenDefault(string? name, string expected)
        => Assert.Equal(expected, Map().Find(name));

    [Fact]
    public void Find_StrictSniUnknownName_IsNull()
    {
        Assert.Null(Map(strict: true).Find("other.org"));
        Assert.Equal("wild", Map(strict: true).Find("z.example.com"));
    }
}
