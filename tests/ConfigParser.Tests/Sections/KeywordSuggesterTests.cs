using ConfigParser.Sections;

namespace ConfigParser.Tests.Sections;

/// <summary>
/// "did you mean" with HAProxy 2.6's fingerprint distance. The typo rows are HAProxy's own answers, taken from
/// `haproxy -c` on a frontend or global section containing the typo.
/// </summary>
public sealed class KeywordSuggesterTests
{
    private static readonly string[] ProxyKeywords =
        ["mode", "bind", "default_backend", "balance", "server", "timeout", "http-request", "listen", "frontend", "backend", "defaults"];

    private static readonly string[] GlobalKeywords = ["maxconn", "pidfile", "daemon", "global", "defaults", "listen", "frontend", "backend"];

    [Theory]
    [InlineData("tmeout", "timeout")]
    [InlineData("timeot", "timeout")]
    [InlineData("defualt_backend", "default_backend")]
    [InlineData("default-backend", "default_backend")]
    [InlineData("backend_default", "default_backend")]
    [InlineData("srever", "server")]
    [InlineData("server1", "server")]
    [InlineData("bnid", "bind")]
    [InlineData("binds", "bind")]
    [InlineData("mdoe", "mode")]
    [InlineData("modes", "mode")]
    [InlineData("balnce", "balance")]
    [InlineData("balanse", "balance")]
    [InlineData("http-reqest", "http-request")]
    [InlineData("frontnd", "frontend")]
    [InlineData("backnd", "backend")]
    [InlineData("defautls", "defaults")]
    [InlineData("lisen", "listen")]
    [InlineData("MODE", "mode")]
    [InlineData("xyz", null)]
    [InlineData("ab", null)]
    [InlineData("glboal", null)]
    public void Suggest_ProxyTypo_MatchesHaproxy(string word, string? expected)
    {
        Assert.Equal(expected, KeywordSuggester.Suggest(word, ProxyKeywords));
    }

    [Theory]
    [InlineData("maxcon", "maxconn")]
    [InlineData("maxconns", "maxconn")]
    [InlineData("pidfil", "pidfile")]
    [InlineData("deamon", "daemon")]
    [InlineData("demon", "daemon")]
    [InlineData("glboal", "global")]
    [InlineData("frontnd", "frontend")]
    [InlineData("max", null)]
    [InlineData("userlsit", null)]
    public void Suggest_GlobalTypo_MatchesHaproxy(string word, string? expected)
    {
        Assert.Equal(expected, KeywordSuggester.Suggest(word, GlobalKeywords));
    }

    [Fact]
    public void Suggest_EqualDistances_KeepsTheFirstCandidate()
    {
        // '-', '_' and '.' fall in the same "other" class, so these three have identical fingerprints.
        Assert.Equal("a-b", KeywordSuggester.Suggest("a.b", ["a-b", "a_b"]));
        Assert.Equal("a_b", KeywordSuggester.Suggest("a.b", ["a_b", "a-b"]));
    }

    [Theory]
    [InlineData("t", new[] { "timeout" })]
    [InlineData("timeoutxxxxxxxx", new[] { "t" })]
    [InlineData("", new[] { "bind" })]
    [InlineData("bind", new string[0])]
    public void Suggest_DistanceAboveTwiceEitherLength_SuggestsNothing(string word, string[] candidates)
    {
        Assert.Null(KeywordSuggester.Suggest(word, candidates));
    }
}
