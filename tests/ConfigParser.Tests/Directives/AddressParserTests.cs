using ConfigParser.Directives;

namespace ConfigParser.Tests.Directives;

/// <summary>How "host:port" is cut (haproxy 2.6 str2sa_range) and which hosts `haproxy -c` refuses in a bind.</summary>
public sealed class AddressParserTests
{
    [Theory]
    [InlineData("127.0.0.1:80", "127.0.0.1", "80")]
    [InlineData(":80", "", "80")]
    [InlineData("1.2.3.4:", "1.2.3.4", "")]
    [InlineData("::1:80", "::1", "80")]
    [InlineData(":::80", "::", "80")]
    [InlineData("[::1]:80", "[::1]", "80")]
    [InlineData("[::1", "[:", "1")]
    [InlineData("1.2.3.4:80:90", "1.2.3.4:80", "90")]
    [InlineData("localhost:8080-8082", "localhost", "8080-8082")]
    public void Split_Colon_PortIsAfterTheLastOne(string text, string host, string port)
    {
        Assert.Equal((host, port), AddressParser.Split(text));
    }

    [Theory]
    [InlineData("host")]
    [InlineData("[::1]")]
    [InlineData("[::1]8080")]
    public void Split_NoColonAfterTheLastBracket_HasNoPort(string text)
    {
        Assert.Equal((text, (string?)null), AddressParser.Split(text));
    }

    [Theory]
    [InlineData("[::1]", "::1")]
    [InlineData("[1.2.3.4]", "1.2.3.4")]
    [InlineData("[]", "[]")]
    [InlineData("::1", "::1")]
    [InlineData("host", "host")]
    public void Unbracket_Host_RemovesOnlyEnclosingBrackets(string host, string expected)
    {
        Assert.Equal(expected, AddressParser.Unbracket(host));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("*", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("127.1", true)]
    [InlineData("::", true)]
    [InlineData("::ffff:1.2.3.4", true)]
    [InlineData("[::1]", true)]
    [InlineData("[1.2.3.4]", true)]
    [InlineData("localhost", true)]
    [InlineData("[]", false)]
    [InlineData("[:", false)]
    [InlineData("[::1]x", false)]
    [InlineData(":", false)]
    [InlineData("1.2.3.4:80", false)]
    [InlineData("999.1.1.1", false)]
    public void IsPlausibleHost_Host_MatchesWhatHaproxyAcceptsWithoutResolving(string host, bool expected)
    {
        Assert.Equal(expected, AddressParser.IsPlausibleHost(host));
    }
}
