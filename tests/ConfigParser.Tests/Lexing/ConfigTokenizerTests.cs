using ConfigParser.Lexing;

namespace ConfigParser.Tests.Lexing;

/// <summary>
/// Word splitting as HAProxy 2.6.12 does it. Every expected value was checked with `haproxy -c`: the first word
/// shows in "unknown keyword '…'", later words in "'mode' cannot handle unexpected argument '…'".
/// </summary>
public sealed partial class ConfigTokenizerTests
{
    private static readonly Func<string, string?> Environment = name => name switch
    {
        "FOO" => "bar",
        "EMPTY" => "",
        "TWO" => "http x",
        "SPACED" => " tcp  z",
        _ => null,
    };

    [Theory]
    [InlineData("global#comment", new[] { "global" })]
    [InlineData("  maxconn\t 100  ", new[] { "maxconn", "100" })]
    [InlineData(@"a\ b", new[] { "a b" })]
    [InlineData(@"'a\nb'", new[] { @"a\nb" })]
    [InlineData("\"a'b\"", new[] { "a'b" })]
    [InlineData("'a\"b'", new[] { "a\"b" })]
    [InlineData("\"a#b\"", new[] { "a#b" })]
    [InlineData("a\"b c\"'d e'", new[] { "ab cd e" })]
    [InlineData(@"\x41z", new[] { "Az" })]
    [InlineData(@"a\1", new[] { @"a\1" })]
    [InlineData(@"a\$b", new[] { @"a\$b" })]
    [InlineData(@"""a\$b""", new[] { "a$b" })]
    [InlineData("a$HOME", new[] { "a$HOME" })]
    [InlineData(@"a\tb", new[] { "a\tb" })]
    [InlineData(@"a\rb", new[] { "a\rb" })]
    [InlineData(@"a\nb", new[] { "a\nb" })]
    [InlineData(@"a\#b", new[] { "a#b" })]
    [InlineData(@"a\\b", new[] { @"a\b" })]
    [InlineData(@"a\'b", new[] { "a'b" })]
    [InlineData(@"a\""b", new[] { "a\"b" })]
    [InlineData(@"""a\""b""", new[] { "a\"b" })]
    [InlineData(@"'a\'", new[] { @"a\" })]
    [InlineData(@"a\", new[] { @"a\" })]
    [InlineData("a\\\tb", new[] { @"a\", "b" })]
    [InlineData("mode a\vb", new[] { "mode", "a", "b" })]
    [InlineData("mode a\fb", new[] { "mode", "a", "b" })]
    [InlineData("mode a\rb", new[] { "mode", "a" })]
    [InlineData("mode http\r", new[] { "mode", "http" })]
    [InlineData(@"mode ""\x00b""", new[] { "mode", "" })]
    [InlineData("\"\" foo", new[] { "", "foo" })]
    [InlineData("mode \"\" http", new[] { "mode", "", "http" })]
    [InlineData("bind :80 \"\"", new[] { "bind", ":80" })]
    [InlineData("# only a comment", new string[0])]
    public void Tokenize_Line_SplitsWordsLikeHaproxy(string line, string[] expected)
    {
        var result = ConfigTokenizer.Tokenize(line, Environment);

        Assert.Null(result.Error);
        Assert.Equal(expected, result.Words);
    }

    [Theory]
    [InlineData("\"a$FOO\"", new[] { "abar" })]
    [InlineData("\"a${FOO}b\"", new[] { "abarb" })]
    [InlineData("\"${NOPE-def}x\"", new[] { "defx" })]
    [InlineData("\"${FOO-def}x\"", new[] { "barx" })]
    [InlineData("mode \"${EMPTY-def}\" x", new[] { "mode", "", "x" })]
    [InlineData("mode \"${NOPE-}\" http", new[] { "mode", "", "http" })]
    [InlineData("mode \"${NOPE-a b}\"", new[] { "mode", "a b" })]
    [InlineData("mode \"$NOPE\" http", new[] { "mode", "", "http" })]
    [InlineData("mode \"$NOPE\"http", new[] { "mode", "http" })]
    [InlineData("mode \"$_x\"", new[] { "mode" })]
    [InlineData("mode $FOO", new[] { "mode", "$FOO" })]
    [InlineData("mode '$FOO'", new[] { "mode", "$FOO" })]
    [InlineData("mode $", new[] { "mode", "$" })]
    [InlineData("mode \"${TWO[*]}\"", new[] { "mode", "http", "x" })]
    [InlineData("mode \"${SPACED[*]}\"", new[] { "mode", "", "tcp", "z" })]
    [InlineData("mode \"${NOPE[*]-x y}\"", new[] { "mode", "x", "y" })]
    public void Tokenize_EnvironmentVariable_ExpandsOnlyInsideDoubleQuotes(string line, string[] expected)
    {
        var result = ConfigTokenizer.Tokenize(line, Environment);

        Assert.Null(result.Error);
        Assert.Equal(expected, result.Words);
    }

    [Theory]
    [InlineData("\"abc", 0, "unmatched quote at position 1:\n  \"abc\n  ^")]
    [InlineData("'abc", 0, "unmatched quote at position 1:\n  'abc\n  ^")]
    [InlineData("ab\"c", 2, "unmatched quote at position 3:\n  ab\"c\n    ^")]
    [InlineData("\"a\"b\"c", 4, "unmatched quote at position 5:\n  \"a\"b\"c\n      ^")]
    [InlineData("    maxconn \"100", 12, "unmatched quote at position 13:\n  maxconn \"100\n          ^")]
    [InlineData("\tmaxconn\t\"100", 9, "unmatched quote at position 10:\n  maxconn \"100\n          ^")]
    [InlineData("mode \"a\rb\"", 5, "unmatched quote at position 6:\n  mode \"a b\"\n       ^")]
    [InlineData("\"a\u0001b\" \"c", 6, "unmatched quote at position 7:\n  \"a?b\" \"c\n        ^")]
    [InlineData("éé \"x", 3, "unmatched quote at position 6:\n  ???? \"x\n       ^")]
    [InlineData("\"${NOPE-a}b", 0, "unmatched quote at position 1:\n  \"${NOPE-a\n  ^")]
    [InlineData(@"\xZZ", 0, "truncated or invalid hexadecimal sequence at position 1:\n  \\xZZ\n  ^")]
    [InlineData(@"x \x4", 2, "truncated or invalid hexadecimal sequence at position 3:\n  x \\x4\n    ^")]
    [InlineData("\"${FOO\"", 2, "unmatched brace in environment variable name at position 3:\n  \"${FOO\"\n    ^")]
    [InlineData("mode \"${NOPE bar}\"", 7, "unmatched brace in environment variable name at position 8:\n  mode \"${NOPE bar}\"\n         ^")]
    [InlineData("\"$1x\"", 2, "forbidden first char in environment variable name at position 3:\n  \"$1x\"\n    ^")]
    [InlineData("\"$\"x", 2, "forbidden first char in environment variable name at position 3:\n  \"$\"x\n    ^")]
    [InlineData("\"${}\"", 3, "forbidden first char in environment variable name at position 4:\n  \"${}\"\n     ^")]
    [InlineData("\"$", 2, "forbidden first char in environment variable name at position 3:\n  \"$\n    ^")]
    [InlineData("mode \"${NOPE[x]}\"", 12, "truncated or invalid word expansion sequence at position 13:\n  mode \"${NOPE[x]}\"\n              ^")]
    public void Tokenize_BadLine_ReportsHaproxyMessageWithEcho(string line, int position, string expected)
    {
        var result = ConfigTokenizer.Tokenize(line, Environment);

        Assert.Equal(expected, result.Error);
        Assert.Equal(position, result.Position);
        Assert.Empty(result.Words);
    }

    [Theory]
    [InlineData(78, "unmatched quote at position 80:\n  " + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa \"\n  " +
        "                                                                               ^")]
    [InlineData(79, "unmatched quote at position 81:\n  ...aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa \"x...\n  " +
        "                                        ^")]
    [InlineData(100, "unmatched quote at position 102:\n  ...aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa \"x...\n  " +
        "                                        ^")]
    public void Tokenize_LongLine_EchoesEightyBytesAroundTheError(int prefixLength, string expected)
    {
        var line = new string('a', prefixLength) + " \"x";

        var result = ConfigTokenizer.Tokenize(line, Environment);

        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public void Tokenize_VeryLongLine_CentresTheEchoOnTheError()
    {
        var line = new string('a', 300) + " \"x " + new string('b', 100);

        var result = ConfigTokenizer.Tokenize(line, Environment);

        Assert.Equal("unmatched quote at position 302:\n  ...aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa \"x bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb...\n  " +
            new string(' ', 40) + "^", result.Error);
    }

    [Fact]
    public void Tokenize_SixtyFourWords_KeepsThemAll()
    {
        var line = string.Join(' ', Enumerable.Range(1, ConfigTokenizer.MaxWords));

        var result = ConfigTokenizer.Tokenize(line, Environment);

        Assert.Null(result.Error);
        Assert.Equal(ConfigTokenizer.MaxWords, result.Words.Count);
        Assert.Equal("64", result.Words[^1]);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData(" #comment")]
    [InlineData(" 65")]
    [InlineData(" 65 66 67")]
    public void Tokenize_AnythingAfterWord64_ReportsTooManyWords(string tail)
    {
        // HAProxy flags the line as soon as a blank follows the 64th word, even a trailing one.
        var line = string.Join(' ', Enumerable.Range(1, ConfigTokenizer.MaxWords)) + tail;

        var result = ConfigTokenizer.Tokenize(line, Environment);

        Assert.Equal("too many words, truncating after word 64, position 181: <64>.", result.Error);
    }

    [Fact]
    public void Tokenize_TooManyWords_PositionCountsBytesOfTheFirst63Words()
    {
        var line = "é " + string.Join(' ', Enumerable.Range(2, ConfigTokenizer.MaxWords));

        var result = ConfigTokenizer.Tokenize(line, Environment);

        // 'é' is two bytes, the digit '1' it replaces was one: one more than the plain case.
        Assert.Equal("too many words, truncating after word 64, position 182: <64>.", result.Error);
    }
}
