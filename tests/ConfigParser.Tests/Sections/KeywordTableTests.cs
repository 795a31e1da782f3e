using ConfigParser.Sections;

namespace ConfigParser.Tests.Sections;

/// <summary>The keyword → handler registry: exact, case-sensitive lookup, registration order kept.</summary>
public sealed class KeywordTableTests
{
    [Fact]
    public void TryGet_RegisteredKeyword_ReturnsItsHandler()
    {
        var calls = new List<string>();
        var table = new KeywordTable<string>().Add("mode", calls.Add).Add("bind", _ => calls.Add("bind"));

        Assert.True(table.TryGet("mode", out var handler));
        handler("called");

        Assert.Equal(["called"], calls);
    }

    [Theory]
    [InlineData("MODE")]
    [InlineData("mod")]
    [InlineData("")]
    public void TryGet_OtherSpelling_IsUnknown(string keyword)
    {
        var table = new KeywordTable<string>().Add("mode", _ => { });

        Assert.False(table.TryGet(keyword, out _));
    }

    [Fact]
    public void Keywords_ListsThemInRegistrationOrder()
    {
        var table = new KeywordTable<string>().Add("mode", _ => { }).Add("bind", _ => { }).Add("balance", _ => { });

        Assert.Equal(["mode", "bind", "balance"], table.Keywords);
    }

    [Fact]
    public void Add_SameKeywordTwice_Throws()
    {
        // A programming error in a table, not user input: it must not go unnoticed.
        var table = new KeywordTable<string>().Add("mode", _ => { });

        Assert.Throws<ArgumentException>(() => table.Add("mode", _ => { }));
    }

    [Fact]
    public void AddMissing_RegisteredKeyword_KeepsTheTypedHandler()
    {
        var calls = new List<string>();
        var table = new KeywordTable<string>().Add("mode", _ => calls.Add("typed")).AddMissing(["mode", "bind"], _ => calls.Add("catalog"));

        table.TryGet("mode", out var mode);
        table.TryGet("bind", out var bind);
        mode("x");
        bind("x");

        Assert.Equal(["typed", "catalog"], calls);
    }

    [Fact]
    public void Wrap_RegisteredKeyword_RunsTheWrapperAroundTheHandler()
    {
        var calls = new List<string>();
        var table = new KeywordTable<string>().Add("mode", calls.Add).Wrap("mode", inner => c => { calls.Add("before"); inner(c); });

        table.TryGet("mode", out var handler);
        handler("handler");

        Assert.Equal(["before", "handler"], calls);
    }
}
