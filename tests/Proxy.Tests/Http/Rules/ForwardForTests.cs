using ConfigParser.Model;
using Proxy.Http.Rules;
using static Proxy.Tests.Http.Conditions.ConditionTestRequests;

namespace Proxy.Tests.Http.Rules;

public class ForwardForTests
{
    private static ForwardForOption Option(string? except = null, string? header = null, bool ifNone = false)
        => new(TestModel.At, "forwardfor", [], except, header, ifNone);

    [Fact]
    public void Combine_NeitherSide_IsOff() => Assert.Null(ForwardFor.Combine(null, null));

    [Theory]
    [InlineData("127.0.0.1", "", null)]
    [InlineData("127.0.0.1", "X-Forwarded-For: 192.0.2.7", null)]
    [InlineData("192.0.2.9", "", "192.0.2.9")]
    [InlineData("::ffff:192.0.2.9", "", "192.0.2.9")]
    [InlineData("2001:db8::1", "", "2001:db8::1")]
    public void ValueFor_ExceptAndIfNone_AsHaproxy(string source, string headers, string? expected)
    {
        var forwardFor = ForwardFor.Combine(Option(except: "127.0.0.0/8", ifNone: true), null)!;

        Assert.Equal(expected, forwardFor.ValueFor(Request(src: source, headers: headers)));
    }

    [Fact]
    public void Combine_IfNoneOnOneSideOnly_AlwaysAdds()
    {
        // haproxy 2.6: if-none holds only when neither side asks for the header always.
        var forwardFor = ForwardFor.Combine(Option(ifNone: true), Option())!;

        Assert.Equal("127.0.0.1", forwardFor.ValueFor(Request(headers: "X-Forwarded-For: 192.0.2.7")));
    }

    [Theory]
    [InlineData("X-F", null, "X-F")]
    [InlineData("X-F", "X-B", "X-B")]
    public void Combine_HeaderName_BackendsWinsWhenItHasTheOption(string frontend, string? backend, string expected)
    {
        var combined = ForwardFor.Combine(Option(header: frontend), backend is null ? null : Option(header: backend))!;

        Assert.Equal(expected, combined.Header);
    }

    [Fact]
    public void Combine_BackendWithoutHeaderName_UsesTheDefaultName()
        => Assert.Equal("X-Forwarded-For", ForwardFor.Combine(Option(header: "X-F"), Option())!.Header);

    [Theory]
    [InlineData("10.1.2.3", "10.1.2.3/32")]
    [InlineData("10.1.2.3/8", "10.0.0.0/8")]
    [InlineData("10.0.0.0/255.255.0.0", "10.0.0.0/16")]
    [InlineData("2001:db8::/32", "2001:db8::/32")]
    public void ParseNetwork_Forms_Understood(string text, string expected)
        => Assert.Equal(expected, ForwardFor.ParseNetwork(text).ToString());

    [Fact]
    public void Combine_OriginalTo_DestinationAddressAlwaysAppended()
    {
        var originalTo = ForwardFor.Combine(new ForwardForOption(TestModel.At, "originalto", [], "10.0.0.0/8", null, false), null)!;

        Assert.Equal(("X-Original-To", "127.0.0.2"), (originalTo.Header, originalTo.ValueFor(Request(headers: "X-Original-To: x"))));
    }

    [Fact]
    public void Find_NoOptionLine_DisablesDefaultsOption()
    {
        ProxyOption[] options = [Option(), new ProxyOption(TestModel.At, "forwardfor", false, [])];

        Assert.Null(ForwardFor.Find(options));
    }
}
