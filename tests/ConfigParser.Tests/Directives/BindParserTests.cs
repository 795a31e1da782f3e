using ConfigParser.Diagnostics;
using ConfigParser.Directives;
using ConfigParser.Lexing;
using ConfigParser.Tests.Support;

namespace ConfigParser.Tests.Directives;

/// <summary>`bind` addresses; every message was produced by `haproxy -c` with the same line in a frontend.</summary>
public sealed class BindParserTests
{
    private static readonly SourceLocation At = new(TestConfig.FileName, 7);

    private static (Model.BindDefinition? Bind, DiagnosticBag Diagnostics) Parse(string line, string section = "frontend")
    {
        var diagnostics = new DiagnosticBag();
        var bind = BindParser.Parse(new ConfigLine(At, line.Split(' ')), section, diagnostics);
        return (bind, diagnostics);
    }

    [Theory]
    [InlineData(":8080", new[] { ":8080" })]
    [InlineData("*:8080", new[] { "*:8080" })]
    [InlineData("127.0.0.1:80", new[] { "127.0.0.1:80" })]
    [InlineData("[::1]:8080", new[] { "[::1]:8080" })]
    [InlineData("[1.2.3.4]:80", new[] { "1.2.3.4:80" })]
    [InlineData(":::80", new[] { "[::]:80" })]
    [InlineData(":8080-8082", new[] { ":8080", ":8081", ":8082" })]
    [InlineData(":80-80", new[] { ":80" })]
    [InlineData(":8080,127.0.0.1:8081", new[] { ":8080", "127.0.0.1:8081" })]
    [InlineData(":8080,", new[] { ":8080" })]
    [InlineData(":8080,:8080", new[] { ":8080", ":8080" })]
    [InlineData(":080", new[] { ":80" })]
    [InlineData(":8a", new[] { ":8" })]
    [InlineData(":8080-8082-9000", new[] { ":8080", ":8081", ":8082" })]
    public void Parse_Address_ExpandsToEndpoints(string address, string[] expected)
    {
        var (bind, diagnostics) = Parse($"bind {address}");

        Assert.Empty(diagnostics.Items);
        Assert.NotNull(bind);
        Assert.Equal(address, bind.Specification);
        Assert.Equal(At, bind.Location);
        Assert.Equal(expected, bind.Endpoints.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData(":", "'bind' : missing port specification in ':'")]
    [InlineData("1.2.3.4:", "'bind' : missing port specification in '1.2.3.4:'")]
    [InlineData("[::1]8080", "'bind' : missing port specification in '[::1]8080'")]
    [InlineData("[::1]:", "'bind' : missing port specification in '[::1]:'")]
    [InlineData("12345", "'bind' : missing port specification in '12345'")]
    [InlineData(":8080,foo", "'bind' : missing port specification in 'foo'")]
    [InlineData(":abc", "'bind' : invalid character 'a' in port number 'abc' in ':abc'")]
    [InlineData(":a-8", "'bind' : invalid character 'a' in port number 'a-8' in ':a-8'")]
    [InlineData(":8080,:abc", "'bind' : invalid character 'a' in port number 'abc' in ':abc'")]
    [InlineData(":65536", "'bind' : invalid port '65536'")]
    [InlineData(":0-5", "'bind' : invalid port '0'")]
    [InlineData(":5-0", "'bind' : invalid port '0'")]
    [InlineData(":1-65536", "'bind' : invalid port '65536'")]
    [InlineData(":8-a", "'bind' : invalid port 'a'")]
    [InlineData(":8080-", "'bind' : invalid port ''")]
    [InlineData(":80-79", "'bind' : invalid port range '80-79'")]
    [InlineData(":-1", "'bind' : port offset not permitted here in ':-1'")]
    [InlineData(":+80", "'bind' : port offset not permitted here in ':+80'")]
    [InlineData(":-", "'bind' : port offset not permitted here in ':-'")]
    [InlineData(",:8080", "'bind' : '' resolves to an empty address (environment variable missing?)")]
    [InlineData(":8080,,:8081", "'bind' : '' resolves to an empty address (environment variable missing?)")]
    [InlineData("[]:80", "'bind' : invalid address: '[]' in '[]:80'")]
    [InlineData("::80", "'bind' : invalid address: ':' in '::80'")]
    [InlineData("[::1", "'bind' : invalid address: '[:' in '[::1'")]
    [InlineData("1.2.3.4:80:90", "'bind' : invalid address: '1.2.3.4:80' in '1.2.3.4:80:90'")]
    [InlineData("999.1.1.1:80", "'bind' : invalid address: '999.1.1.1' in '999.1.1.1:80'")]
    public void Parse_BadAddress_ReportsHaproxyMessage(string address, string expected)
    {
        var (bind, diagnostics) = Parse($"bind {address}");

        Assert.Null(bind);
        Assert.Equal([$"[ALERT] parsing [t.cfg:7] : {expected}"], diagnostics.Messages());
    }

    [Fact]
    public void Parse_NoAddress_SaysWhatBindExpects()
    {
        var (bind, diagnostics) = Parse("bind");

        Assert.Null(bind);
        Assert.Equal(["[ALERT] parsing [t.cfg:7] : 'bind' expects {<path>|[addr1]:port1[-end1]}{,[addr]:port[-end]}... as arguments."],
            diagnostics.Messages());
    }

    [Theory]
    [InlineData("frontend")]
    [InlineData("listen")]
    public void Parse_UnknownOption_NamesTheSection(string section)
    {
        var (bind, diagnostics) = Parse("bind :8080 zzzzzz", section);

        Assert.Null(bind);
        Assert.Equal([$"[ALERT] parsing [t.cfg:7] : 'bind :8080' in section '{section}': unknown keyword 'zzzzzz'."], diagnostics.Messages());
    }

    [Theory]
    [InlineData("10", 10)]
    [InlineData("0", 0)]
    [InlineData("abc", 0)]
    [InlineData("5x", 5)]
    [InlineData("99999999999", int.MaxValue)]
    public void Parse_MaxConn_ReadsItAsAtol(string value, int expected)
    {
        var (bind, diagnostics) = Parse($"bind :8080 maxconn {value}");

        Assert.Empty(diagnostics.Items);
        Assert.Equal(expected, bind!.MaxConn);
    }

    [Theory]
    [InlineData("bind :8080 maxconn -1", "'bind :8080' in section 'frontend' : 'maxconn' : invalid value -1, must be >= 0")]
    [InlineData("bind :8080 maxconn", "'bind :8080' in section 'frontend' : 'maxconn' : missing value")]
    public void Parse_BadMaxConn_ReportsHaproxyMessage(string line, string expected)
    {
        var (bind, diagnostics) = Parse(line);

        Assert.Null(bind);
        Assert.Equal([$"[ALERT] parsing [t.cfg:7] : {expected}"], diagnostics.Messages());
    }
}
