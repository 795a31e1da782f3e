using ConfigParser.Diagnostics;
using ConfigParser.Keepalived.Lexing;

namespace ConfigParser.Tests.Keepalived;

public sealed class KeepalivedPreprocessorTests
{
    private static List<KeepalivedLine> Run(string text, string host = "vm", DiagnosticBag? bag = null, string? dir = null)
        => new KeepalivedPreprocessor(host, bag ?? new DiagnosticBag()).Run("k.conf", text, dir ?? "/nonexistent");

    private static string[] Render(List<KeepalivedLine> lines) => [.. lines.Select(l => $"{l.Location.Line}: {string.Join(' ', l.Words)}")];

    [Fact]
    public void Run_BracesOnOneLine_SplitsIntoLogicalLinesKeepingTheLineNumber()
        => Assert.Equal(
            ["1: a {", "1: b c", "1: }", "2: d {", "2: e", "2: }"],
            Render(Run("a { b c }\nd{ e }\n")));

    [Fact]
    public void Run_HostPrefixes_KeepOnlyLinesForThisHost()
        => Assert.Equal(
            ["1: on_vm", "4: not_other"],
            Render(Run("@vm on_vm\n@^vm not_vm\n@other on_other\n@^other not_other\n")));

    [Fact]
    public void Run_HostPrefixes_UseTheGivenHostName()
        => Assert.Equal(["3: on_other"], Render(Run("@vm on_vm\n@^other not_other\n@other on_other\n", host: "other")));

    [Fact]
    public void Run_MultiLineDefinition_ExpandsToSeveralLinesAtTheUseSite()
        => Assert.Equal(
            ["4: a 1", "4: b 2", "5: x"],
            Render(Run("$M=a 1 \\\n  b 2\n\n  $M\nx\n")));

    [Fact]
    public void Run_CrLfLineEnds_AreIgnored()
        => Assert.Equal(["1: a b", "2: c"], Render(Run("a b\r\nc\r\n")));

    [Fact]
    public void Run_IncludeGlob_ReadsMatchesSortedRelativeToTheIncludingFile()
    {
        var dir = Directory.CreateTempSubdirectory("kal-inc-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "inc"));
            File.WriteAllText(Path.Combine(dir.FullName, "inc", "b.conf"), "from_b\n");
            File.WriteAllText(Path.Combine(dir.FullName, "inc", "a.conf"), "from_a\ninclude ../last.txt\n");
            File.WriteAllText(Path.Combine(dir.FullName, "last.txt"), "\n\nfrom_last\n");
            var lines = Run("first\ninclude inc/*.conf\nafter\n", dir: dir.FullName);
            Assert.Equal(
                ["k.conf:1 first", "inc/a.conf:1 from_a", "../last.txt:3 from_last", "inc/b.conf:1 from_b", "k.conf:3 after"],
                lines.Select(l => $"{l.Location} {string.Join(' ', l.Words)}"));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Run_MissingInclude_ReportsConfigFilesMissingButAnEmptyGlobIsSilent()
    {
        var bag = new DiagnosticBag();
        Run("include none*.conf\ninclude missing.conf\n", bag: bag, dir: Path.GetTempPath());
        var d = Assert.Single(bag.Items);
        Assert.Equal("Config files missing 'missing.conf'.", d.Message);
        Assert.Equal(2, d.Location!.Value.Line);
    }

    [Fact]
    public void Run_SelfInclude_StopsAtTheDepthLimit()
    {
        var dir = Directory.CreateTempSubdirectory("kal-self-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "self.conf"), "x\ninclude self.conf\n");
            var bag = new DiagnosticBag();
            var lines = Run("include self.conf\n", bag: bag, dir: dir.FullName);
            Assert.Equal(KeepalivedPreprocessor.MaxIncludeDepth, lines.Count);
            Assert.Contains(bag.Items, d => d.Message.StartsWith("Config files nested too deeply", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
