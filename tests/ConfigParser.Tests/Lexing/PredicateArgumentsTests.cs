using ConfigParser.Lexing;

namespace ConfigParser.Tests.Lexing;

/// <summary>make_arg_list for string arguments; each case was checked through `.if streq(…)` with `haproxy -c`.</summary>
public sealed class PredicateArgumentsTests
{
    [Theory]
    [InlineData("(a,b)", new[] { "a", "b" }, 5)]
    [InlineData("(\"a,b\",'c)')", new[] { "a,b", "c)" }, 12)]
    [InlineData(@"(a\ b,\x)", new[] { "a b", @"\x" }, 9)]
    [InlineData("(a,)", new[] { "a", "" }, 4)]
    [InlineData("(,)", new[] { "", "" }, 3)]
    [InlineData("(a, a)", new[] { "a", " a" }, 6)]
    public void Parse_TwoArguments_SplitsThem(string text, string[] expected, int end)
    {
        var arguments = PredicateArguments.Parse(text, 0, 2);

        Assert.Null(arguments.Error);
        Assert.Equal(expected, arguments.Values);
        Assert.Equal(end, arguments.End);
    }

    [Theory]
    [InlineData("", 2, "missing arguments (got 1/2), type 'string' expected", 1, 0)]
    [InlineData("(a)", 2, "missing arguments (got 1/2), type 'string' expected", 1, 2)]
    [InlineData("(a,b,c)", 2, "expected ')' before ',c)'", 1, 4)]
    [InlineData("(a,b", 2, "expected ')'", 1, 4)]
    [InlineData("(FOO,BAR)", 1, "expected ')' before ',BAR)'", 1, 4)]
    [InlineData(@"(a\", 2, @"failed to parse '\' after 'a' as type 'string' at position 1", 0, 2)]
    public void Parse_BadList_ReportsHaproxyText(string text, int count, string error, int argument, int end)
    {
        var arguments = PredicateArguments.Parse(text, 0, count);

        Assert.Equal(error, arguments.Error);
        Assert.Equal(argument, arguments.ErrorArgument);
        Assert.Equal(end, arguments.End);
    }

    [Fact]
    public void Parse_NoParenthesis_GivesOneEmptyArgument()
    {
        var arguments = PredicateArguments.Parse(" (FOO)", 0, 1);

        Assert.Null(arguments.Error);
        Assert.Equal([""], arguments.Values);
        Assert.Equal(0, arguments.End);
    }
}
