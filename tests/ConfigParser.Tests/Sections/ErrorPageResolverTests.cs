using ConfigParser.Model;
using ConfigParser.Tests.Support;

namespace ConfigParser.Tests.Sections;

/// <summary>errorfile / errorfiles / errorloc lines resolved per proxy (through the loader, as haproxy -c reads them).</summary>
public class ErrorPageResolverTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("errorpages-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Page(string name, int status, string body)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, $"HTTP/1.1 {status} X\r\nContent-Length: {body.Length}\r\n\r\n{body}");
        return path;
    }

    private static string BodyOf(HttpErrorMessage message) => System.Text.Encoding.ASCII.GetString(message.Body.Span);

    [Fact]
    public void Resolve_ErrorfilesWithCodes_TakesOnlyThoseCodesFromSection()
    {
        var result = TestConfig.Parse(TestConfig.Lines(
            "http-errors site", $"  errorfile 503 {Page("a.http", 503, "a")}", $"  errorfile 403 {Page("b.http", 403, "b")}",
            "backend be", "  errorfiles site 403"));

        var pages = result.Config!.Backends.Single().ErrorMessages;

        Assert.Equal([403], pages.Keys);
        Assert.Equal("b", BodyOf(pages[403]));
    }

    [Fact]
    public void Resolve_SectionDeclaredAfterProxy_StillResolved()
    {
        var result = TestConfig.Parse(TestConfig.Lines(
            "backend be", "  errorfiles site",
            "http-errors site", $"  errorfile 503 {Page("a.http", 503, "a")}"));

        Assert.Equal("a", BodyOf(result.Config!.Backends.Single().ErrorMessages[503]));
    }

    [Fact]
    public void Resolve_LaterLineWins_AndDefaultsComeFirst()
    {
        var result = TestConfig.Parse(TestConfig.Lines(
            "http-errors site", $"  errorfile 503 {Page("s.http", 503, "site")}",
            "defaults", $"  errorfile 503 {Page("d.http", 503, "defaults")}", $"  errorfile 504 {Page("d4.http", 504, "defaults504")}",
            "backend be", "  errorfiles site", "  errorloc303 504 /later"));

        var pages = result.Config!.Backends.Single().ErrorMessages;

        Assert.Equal("site", BodyOf(pages[503]));
        Assert.Equal((303, "See Other"), (pages[504].Status, pages[504].Reason));
        Assert.Contains(new KeyValuePair<string, string>("location", "/later"), pages[504].Headers);
    }

    [Fact]
    public void Parse_UnknownSection_AlertsAfterParsing()
    {
        var result = TestConfig.Parse(TestConfig.Lines("backend be", "  errorfiles nosuch"));

        Assert.Contains("[ALERT] proxy 'be': unknown http-errors section 'nosuch' (at t.cfg:2).", result.Messages());
        Assert.Null(result.Config);
    }

    [Fact]
    public void Parse_CodeNotInSection_OnlyWarns()
    {
        var result = TestConfig.Parse(TestConfig.Lines(
            "http-errors site", $"  errorfile 503 {Page("a.http", 503, "a")}", "backend be", "  errorfiles site 404"));

        Assert.Contains("[WARNING] config: proxy 'be' : status '404' not declared in http-errors section 'site' (at t.cfg:4).", result.Messages());
        Assert.NotNull(result.Config);
    }

    [Fact]
    public void Parse_DuplicateSection_Alerts()
    {
        var result = TestConfig.Parse(TestConfig.Lines("http-errors site", "http-errors site"));

        Assert.Contains("[ALERT] parsing [t.cfg:2]: http-errors section 'site' already exists (declared at t.cfg:1).", result.Messages());
    }

    [Fact]
    public void Parse_UnknownKeywordInSection_Alerts()
    {
        var result = TestConfig.Parse(TestConfig.Lines("http-errors site", "  errorloc 503 /x"));

        Assert.Contains("[ALERT] parsing [t.cfg:2] : unknown keyword 'errorloc' in 'http-errors' section", result.Messages());
    }
}
