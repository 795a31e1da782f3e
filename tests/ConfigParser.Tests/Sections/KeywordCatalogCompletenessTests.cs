using ConfigParser.Sections;

namespace ConfigParser.Tests.Sections;

/// <summary>
/// Every keyword HAProxy 2.6 offers as a suggestion (its registered keywords plus the ones its parsers compare by
/// name) has a handler, so none of them is reported as unknown.
/// </summary>
public sealed class KeywordCatalogCompletenessTests
{
    private static readonly string[] SectionKeywords = ["global", "defaults", "listen", "frontend", "backend", "peers", "resolvers"];

    [Fact]
    public void ProxyTable_HoldsEverySuggestedKeyword()
    {
        var missing = ProxyKeywords.Suggestions.Except(SectionKeywords).Where(k => !ProxyKeywords.Table.Contains(k)).ToList();

        Assert.Equal([], missing);
    }

    [Fact]
    public void GlobalTable_HoldsEverySuggestedKeyword()
    {
        // setenv and its family are consumed by the reader before any keyword table sees them.
        string[] readerKeywords = ["setenv", "presetenv", "unsetenv", "resetenv"];

        var missing = GlobalKeywords.Suggestions.Except(SectionKeywords).Except(readerKeywords).Where(k => !GlobalKeywords.Table.Contains(k)).ToList();

        Assert.Equal([], missing);
    }
}
