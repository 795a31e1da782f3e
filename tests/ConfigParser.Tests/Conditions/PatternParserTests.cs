using ConfigParser.Conditions;
using ConfigParser.Model.Conditions;

namespace ConfigParser.Tests.Conditions;

/// <summary>
/// Single patterns per match method. Accepted and rejected values were checked with `haproxy -c` on
/// `acl a dst_port -- &lt;value&gt;` (int), `acl a src &lt;value&gt;` (ip) and `acl a req.payload(0,1) -m bin &lt;value&gt;`.
/// </summary>
public sealed class PatternParserTests
{
    [Theory]
    [InlineData("80", 80L, 80L)]
    [InlineData("1:5", 1L, 5L)]
    [InlineData("1-5", 1L, 5L)]
    [InlineData("7:", 7L, null)]
    [InlineData(":3", null, 3L)]
    [InlineData("-1", null, 1L)]
    [InlineData(":-1", null, -1L)]
    [InlineData("--", null, 0L)]
    public void Parse_IntegerRange_ReturnsBounds(string text, long? min, long? max)
    {
        var (pattern, error) = PatternParser.Parse(text, MatchMethod.Int, ignoreCase: false);

        Assert.Null(error);
        Assert.Equal(new IntegerRangePattern(text, min, max), pattern);
    }

    [Theory]
    [InlineData("x", "'x' is not a number")]
    [InlineData("+5", "'+5' is not a number")]
    [InlineData("99999999999999999999", "'99999999999999999999' is not a number")]
    [InlineData("1:x", "'1:x' is not a valid number range")]
    [InlineData("3:1", "'3:1' is not a valid number range")]
    [InlineData("-5:-1", "'-5:-1' is not a valid number range")]
    [InlineData("1--5", "'1--5' is not a valid number range")]
    [InlineData("5:-", "'5:-' is not a valid number range")]
    [InlineData("-", "'-' is not a valid number range")]
    [InlineData(":", "':' is not a valid number range")]
    public void Parse_BadInteger_ReturnsHaproxyMessage(string text, string message)
    {
        var (pattern, error) = PatternParser.Parse(text, MatchMethod.Int, ignoreCase: false);

        Assert.Null(pattern);
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("1.2.3.4", "1.2.3.4", 32)]
    [InlineData("10.0.0.0/8", "10.0.0.0", 8)]
    [InlineData("10.0.0.0/255.255.0.0", "10.0.0.0", 16)]
    [InlineData("::1", "::1", 128)]
    [InlineData("2001:db8::/32", "2001:db8::", 32)]
    public void Parse_IpNetwork_ReturnsAddressAndPrefix(string text, string address, int prefix)
    {
        var (pattern, error) = PatternParser.Parse(text, MatchMethod.Ip, ignoreCase: false);

        Assert.Null(error);
        var network = Assert.IsType<IpNetworkPattern>(pattern);
        Assert.Equal((address, prefix), (network.Address.ToString(), network.PrefixLength));
    }

    [Theory]
    [InlineData("1.2.3.300")]
    [InlineData("1.2.3.4/33")]
    [InlineData("::1/129")]
    [InlineData("foo.invalid")]
    public void Parse_BadIp_ReturnsHaproxyMessage(string text)
    {
        var (_, error) = PatternParser.Parse(text, MatchMethod.Ip, ignoreCase: false);

        Assert.Equal($"'{text}' is not a valid IPv4 or IPv6 address", error);
    }

    [Theory]
    [InlineData("str", MatchMethod.Str)]
    [InlineData("beg", MatchMethod.Beg)]
    [InlineData("dom", MatchMethod.Dom)]
    public void Parse_StringMethods_KeepText(string text, MatchMethod method)
    {
        Assert.Equal((new StringPattern(text), null), PatternParser.Parse(text, method, ignoreCase: true));
    }

    [Theory]
    [InlineData(MatchMethod.Found)]
    [InlineData(MatchMethod.Bool)]
    public void Parse_FoundAndBool_IgnorePatterns(MatchMethod method)
    {
        // `acl a ssl_fc x` is accepted: the bool method does not read its patterns.
        Assert.Equal((null, null), PatternParser.Parse("x", method, ignoreCase: false));
    }

    [Theory]
    [InlineData("(", "regex '(' is invalid (error=missing closing parenthesis, erroffset=1)")]
    [InlineData("[a", "regex '[a' is invalid (error=missing terminating ] for character class, erroffset=2)")]
    public void Parse_BadRegex_ReturnsPcreStyleMessage(string text, string message)
    {
        Assert.Equal((null, message), PatternParser.Parse(text, MatchMethod.Reg, ignoreCase: false));
    }
}
