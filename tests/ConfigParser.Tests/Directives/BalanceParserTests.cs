using ConfigParser.Diagnostics;
using ConfigParser.Directives;
using ConfigParser.Lexing;
using ConfigParser.Model;
using ConfigParser.Tests.Support;

namespace ConfigParser.Tests.Directives;

/// <summary>`balance` lines → <see cref="BalanceDefinition"/> (haproxy 2.6 §4.2 `balance`); errors are in BackendKeywordCatalogTests.</summary>
public sealed class BalanceParserTests
{
    private static readonly SourceLocation At = new(TestConfig.FileName, 3);

    private static BalanceDefinition Parse(string line)
    {
        var diagnostics = new DiagnosticBag();
        var balance = BalanceParser.Parse(new ConfigLine(At, line.Split(' ')), diagnostics);
        Assert.Empty(diagnostics.Items);
        return balance!;
    }

    [Theory]
    [InlineData("balance", "roundrobin")]
    [InlineData("balance roundrobin", "roundrobin")]
    [InlineData("balance static-rr", "static-rr")]
    [InlineData("balance leastconn", "leastconn")]
    [InlineData("balance first", "first")]
    [InlineData("balance source", "source")]
    [InlineData("balance uri", "uri")]
    [InlineData("balance url_param id", "url_param")]
    [InlineData("balance hdr(Host)", "hdr")]
    [InlineData("balance random", "random")]
    [InlineData("balance rdp-cookie", "rdp-cookie")]
    [InlineData("balance hash req.hdr(x)", "hash")]
    public void Parse_EveryAlgorithm_IsAccepted(string line, string algorithm)
    {
        Assert.Equal(algorithm, Parse(line).Algorithm);
        Assert.Contains(algorithm, BalanceAlgorithms.All);
    }

    [Fact]
    public void Parse_UriOptions_AreTyped()
    {
        var balance = Parse("balance uri len 10 depth 2 whole path-only");

        Assert.Equal((10, 2, true, true), (balance.UriLength, balance.UriDepth, balance.UriWhole, balance.UriPathOnly));
    }

    [Theory]
    [InlineData("balance url_param userid", "userid", null)]
    [InlineData("balance url_param userid check_post", "userid", 0)]
    [InlineData("balance url_param userid check_post 64", "userid", 64)]
    public void Parse_UrlParam_KeepsNameAndCheckPost(string line, string name, int? checkPost)
    {
        var balance = Parse(line);

        Assert.Equal((name, checkPost), (balance.Name, balance.CheckPost));
    }

    [Theory]
    [InlineData("balance hdr(Host) use_domain_only", "Host", true)]
    [InlineData("balance hdr(X-Tenant)", "X-Tenant", false)]
    public void Parse_Header_KeepsNameAndDomainFlag(string line, string name, bool domainOnly)
    {
        var balance = Parse(line);

        Assert.Equal((name, domainOnly), (balance.Name, balance.UseDomainOnly));
    }

    [Theory]
    [InlineData("balance random", 2)]
    [InlineData("balance random(5)", 5)]
    public void Parse_Random_KeepsDraws(string line, int draws) => Assert.Equal(draws, Parse(line).RandomDraws);

    [Theory]
    [InlineData("balance rdp-cookie", "mstshash")]
    [InlineData("balance rdp-cookie(user)", "user")]
    public void Parse_RdpCookie_KeepsCookieName(string line, string name) => Assert.Equal(name, Parse(line).Name);
}
