using ConfigParser.Conditions.Keywords;
using ConfigParser.Model.Conditions;

namespace ConfigParser.Tests.Conditions;

/// <summary>The tables read from `haproxy -dKsmp/-dKcnv/-dKacl` (HAProxy 2.6.12).</summary>
public sealed class KeywordCatalogTests
{
    [Theory]
    [InlineData("src", "", 0, SampleType.Ipv4)]
    [InlineData("req.hdr", "string,integer", 0, SampleType.Str)]
    [InlineData("req.payload", "integer,integer", 2, SampleType.Bin)]
    [InlineData("sc_http_req_rate", "integer,table", 1, SampleType.Sint)]
    [InlineData("ssl_fc", "", 0, SampleType.Bool)]
    [InlineData("method", "", 0, SampleType.Meth)]
    public void Fetches_KnownFetch_HasArgumentsAndOutputType(string name, string types, int mandatory, SampleType output)
    {
        var fetch = KeywordCatalog.Fetches[name];

        Assert.Equal((types, mandatory, output), (string.Join(",", fetch.Arguments.Types), fetch.Arguments.Mandatory, fetch.Output));
    }

    [Theory]
    [InlineData("lower", SampleType.Str, SampleType.Str)]
    [InlineData("ipmask", SampleType.Addr, SampleType.Ipv4)]
    [InlineData("length", SampleType.Str, SampleType.Sint)]
    [InlineData("hex", SampleType.Bin, SampleType.Str)]
    [InlineData("map_str", SampleType.Str, SampleType.Str)]
    public void Converters_KnownConverter_HasInputAndOutputTypes(string name, SampleType input, SampleType output)
    {
        var converter = KeywordCatalog.Converters[name];

        Assert.Equal((input, output), (converter.Input, converter.Output));
    }

    [Theory]
    [InlineData("path_beg", "path", MatchMethod.Beg)]
    [InlineData("hdr_dom", "req.hdr", MatchMethod.Dom)]
    [InlineData("url_reg", "url", MatchMethod.Reg)]
    [InlineData("payload", "req.payload", MatchMethod.Bin)]
    [InlineData("req_ssl_ver", "req.ssl_ver", MatchMethod.Int)]
    public void AclKeywords_DerivedKeyword_NamesFetchAndMethod(string name, string fetch, MatchMethod match)
    {
        Assert.Equal(new AclKeyword(name, fetch, match), KeywordCatalog.AclKeywords[name]);
    }

    [Fact]
    public void Catalog_EveryAclKeyword_HasItsFetch()
    {
        Assert.All(KeywordCatalog.AclKeywords.Values, k => Assert.True(KeywordCatalog.Fetches.ContainsKey(k.Fetch), k.Fetch));
        Assert.Equal(78 - 1, KeywordCatalog.AclKeywords.Count);
    }
}
