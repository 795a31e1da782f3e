using ConfigParser.Conditions;
using ConfigParser.Model.Conditions;

namespace ConfigParser.Tests.Conditions;

/// <summary>`-f FILE` pattern files; each case mirrors a file given to `haproxy -c` with the same content.</summary>
public sealed class PatternFileReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("acl-patterns-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string content)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Read_CommentsAndBlankLines_AreSkippedAndBlanksTrimmed()
    {
        var path = Write("# comment\n\n  /api  \n\t/static\n   # indented comment\n");
        var patterns = new List<AclPattern>();

        var error = PatternFileReader.Read(path, MatchMethod.Beg, AclFlags.None, patterns);

        Assert.Null(error);
        Assert.Equal(["/api", "/static"], patterns.Select(p => p.Text));
    }

    [Fact]
    public void Read_MapFile_UsesFirstColumnOnly()
    {
        var path = Write("10.0.0.0/8 backend1\n192.168.1.1 b2\n");
        var patterns = new List<AclPattern>();

        var error = PatternFileReader.Read(path, MatchMethod.Ip, AclFlags.None with { LoadAsMap = true }, patterns);

        Assert.Null(error);
        Assert.Equal(["10.0.0.0/8", "192.168.1.1"], patterns.Select(p => p.Text));
    }

    [Fact]
    public void Read_MapFileWithoutDashM_ReportsWholeLine()
    {
        // haproxy -c: "'10.0.0.0/8 backend1' is not a valid IPv4 or IPv6 address at line 1 of file '…'".
        var path = Write("10.0.0.0/8 backend1\n");

        var error = PatternFileReader.Read(path, MatchMethod.Ip, AclFlags.None, []);

        Assert.Equal($"'10.0.0.0/8 backend1' is not a valid IPv4 or IPv6 address at line 1 of file '{path}'", error);
    }

    [Fact]
    public void Read_BadPattern_ReportsLineNumber()
    {
        var path = Write("10.0.0.0/8\nnot-an-ip\n");

        var error = PatternFileReader.Read(path, MatchMethod.Ip, AclFlags.None, []);

        Assert.Equal($"'not-an-ip' is not a valid IPv4 or IPv6 address at line 2 of file '{path}'", error);
    }

    [Fact]
    public void Read_MissingFile_ReportsHaproxyMessage()
    {
        var path = Path.Combine(_folder, "missing.txt");

        Assert.Equal($"failed to open pattern file <{path}>", PatternFileReader.Read(path, MatchMethod.Str, AclFlags.None, []));
    }

    [Fact]
    public void Parse_AclWithTwoFilesAndInlinePattern_KeepsFileOrderThenLine()
    {
        var first = Write("/a\n");
        var second = Write("/b\n");

        var (acl, diagnostics) = AclParserTests.Parse($"acl a path_beg -f {first} -f {second} /x");

        Assert.Empty(diagnostics.Items);
        Assert.Equal(["/a", "/b", "/x"], acl!.Criterion!.Patterns.Select(p => p.Text));
        Assert.Equal([first, second], acl.Criterion.Flags.PatternFiles);
    }
}
