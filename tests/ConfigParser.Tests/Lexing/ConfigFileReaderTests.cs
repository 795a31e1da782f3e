using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Tests.Support;

namespace ConfigParser.Tests.Lexing;

/// <summary>
/// Line handling of haproxy 2.6 readcfgfile: numbering, CR/LF, NUL bytes, a missing final LF, and giving up after
/// 50 faulty lines. Expected texts come from `haproxy -c` on the same bytes.
/// </summary>
public sealed partial class ConfigFileReaderTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    private static (List<ConfigLine> Lines, DiagnosticBag Diagnostics) Read(string text)
    {
        var diagnostics = new DiagnosticBag();
        var lines = ConfigFileReader.Read(TestConfig.FileName, text, NoEnvironment, diagnostics).ToList();
        return (lines, diagnostics);
    }

    [Fact]
    public void Read_BlankAndCommentLines_AreSkippedButCounted()
    {
        var (lines, diagnostics) = Read("global\n\n   # comment\n\tmaxconn 10\n");

        Assert.Empty(diagnostics.Items);
        Assert.Equal([new SourceLocation("t.cfg", 1), new SourceLocation("t.cfg", 4)], lines.Select(l => l.Location));
        Assert.Equal(["maxconn", "10"], lines[1].Words);
    }

    [Fact]
    public void Read_CrLfLines_DropTheCarriageReturn()
    {
        var (lines, diagnostics) = Read("global\r\n maxconn 1\r\n");

        Assert.Empty(diagnostics.Items);
        Assert.Equal(["maxconn", "1"], lines[1].Words);
    }

    [Theory]
    [InlineData("global\nfoo", 2, "[ALERT] parsing [t.cfg:2]: Missing LF on last line, file might have been truncated at position 4.")]
    [InlineData("global\nfoo\r", 2, "[ALERT] parsing [t.cfg:2]: Missing LF on last line, file might have been truncated at position 5.")]
    [InlineData("global\n ", 1, "[ALERT] parsing [t.cfg:2]: Missing LF on last line, file might have been truncated at position 2.")]
    [InlineData("global\nfé", 2, "[ALERT] parsing [t.cfg:2]: Missing LF on last line, file might have been truncated at position 4.")]
    public void Read_LastLineWithoutLf_ReportsItAfterParsingIt(string text, int lineCount, string expected)
    {
        var (lines, diagnostics) = Read(text);

        Assert.Equal([expected], diagnostics.Messages());
        Assert.Equal(lineCount, lines.Count);
    }

    [Fact]
    public void Read_NulInsideALine_KeepsTheTextBeforeItThenStopsTheFile()
    {
        var (lines, diagnostics) = Read("global\nmax\0conn 10\nfoo\n");

        Assert.Equal(["global", "max"], lines.Select(l => l.Keyword));
        Assert.Equal(["[ALERT] parsing [t.cfg:2]: Stray NUL character at position 4."], diagnostics.Messages());
    }

    [Fact]
    public void Read_NulAloneOnALine_ReportsPositionOne()
    {
        var (lines, diagnostics) = Read("global\n\0\nfoo\n");

        Assert.Single(lines);
        Assert.Equal(["[ALERT] parsing [t.cfg:2]: Stray NUL character at position 1."], diagnostics.Messages());
    }

    [Theory]
    [InlineData("global\nfoo\0")]
    [InlineData("global\nfoo\0bar")]
    public void Read_NulOnTheLastLine_ReportsAMissingLfInstead(string text)
    {
        var (lines, diagnostics) = Read(text);

        Assert.Equal("foo", lines[^1].Keyword);
        Assert.Equal(["[ALERT] parsing [t.cfg:2]: Missing LF on last line, file might have been truncated at position 4."], diagnostics.Messages());
    }

    [Fact]
    public void Read_NulAfterAnUnmatchedQuote_ReportsBoth()
    {
        var (_, diagnostics) = Read("global\nfoo \"a\0b\"\n");

        Assert.Equal(
        [
            "[ALERT] parsing [t.cfg:2]: unmatched quote at position 5:\n  foo \"a\n      ^",
            "[ALERT] parsing [t.cfg:2]: Missing LF on last line, file might have been truncated at position 7.",
        ], diagnostics.Messages());
    }

    [Theory]
    [InlineData("global\n\"abc\nmaxconn 1\n")]
    [InlineData("global\n1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65\nmaxconn 1\n")]
    public void Read_LineTheTokenizerRefuses_IsSkippedWithOneAlert(string text)
    {
        var (lines, diagnostics) = Read(text);

        Assert.Equal(["global", "maxconn"], lines.Select(l => l.Keyword));
        var alert = Assert.Single(diagnostics.Items);
        Assert.Equal(new SourceLocation("t.cfg", 2), alert.Location);
        Assert.Equal(LocationPrefix.ParsingTight, alert.Prefix);
    }

    [Fact]
    public void Read_EmptyFirstWord_IgnoresTheLine()
    {
        var (lines, diagnostics) = Read("global\n\"\" foo\n\"$NOPE\"\n");

        Assert.Empty(diagnostics.Items);
        Assert.Equal(["global"], lines.Select(l => l.Keyword));
    }

    [Fact]
    public void Read_Lazily_ReportsALineProblemOnlyWhenThatLineIsReached()
    {
        var diagnostics = new DiagnosticBag();
        using var lines = ConfigFileReader.Read("t.cfg", "foo\nbar \"x\n", NoEnvironment, diagnostics).GetEnumerator();

        Assert.True(lines.MoveNext());
        Assert.Empty(diagnostics.Items);
        Assert.False(lines.MoveNext());
        Assert.Single(diagnostics.Items);
    }

    [Fact]
    public void Read_FiftyLinesWithFatalErrors_StopsAtTheNextLine()
    {
        var diagnostics = new DiagnosticBag();
        var text = string.Concat(Enumerable.Range(1, 55).Select(i => $"x{i}\n"));
        var seen = 0;
        foreach (var line in ConfigFileReader.Read("t.cfg", text, NoEnvironment, diagnostics))
        {
            // Stands in for the section parser, which reports every one of these lines as unknown.
            diagnostics.Alert(line.Location, "unknown");
            seen++;
        }

        Assert.Equal(50, seen);
        Assert.Equal("[ALERT] parsing [t.cfg:51]: too many fatal errors (50), stopping now.", diagnostics.Messages()[^1]);
    }

    [Fact]
    public void Read_FiftyFatalLinesAtTheEnd_SaysNothingMore()
    {
        var diagnostics = new DiagnosticBag();
        var text = string.Concat(Enumerable.Range(1, 50).Select(i => $"x{i}\n"));
        foreach (var line in ConfigFileReader.Read("t.cfg", text, NoEnvironment, diagnostics))
        {
            diagnostics.Alert(line.Location, "unknown");
        }

        Assert.Equal(50, diagnostics.Items.Count);
    }

    [Fact]
    public void Read_AlertsThatAreNotFatal_DoNotCountTowardsTheLimit()
    {
        var diagnostics = new DiagnosticBag();
        var text = string.Concat(Enumerable.Range(1, 60).Select(i => $"x{i}\n"));
        var seen = 0;
        foreach (var line in ConfigFileReader.Read("t.cfg", text, NoEnvironment, diagnostics))
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, line.Location, "already specified", Fatal: false));
            seen++;
        }

        Assert.Equal(60, seen);
    }
}
