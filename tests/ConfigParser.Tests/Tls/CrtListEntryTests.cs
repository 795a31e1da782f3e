using ConfigParser.Tls;

namespace ConfigParser.Tests.Tls;

public class CrtListEntryTests
{
    [Fact]
    public void Read_Lines_GivesPathsUnderCrtBaseFiltersAndBracketNotice()
    {
        var list = Path.GetTempFileName();
        try
        {
            File.WriteAllText(list, "# comment\n\nsite.pem\n/abs/other.pem www.example.com !old.example.com\nx.pem [alpn h2] x.test\n");

            var entries = CrtListEntry.Read(list, "/etc/ssl", out var unsupported);

            Assert.Equal(["/etc/ssl/site.pem", "/abs/other.pem", "/etc/ssl/x.pem"], entries.Select(e => e.Path));
            Assert.Equal(["www.example.com", "!old.example.com"], entries[1].Filters);
            Assert.Equal(["x.test"], entries[2].Filters);
            Assert.Equal(5, unsupported?.Line);
        }
        finally
        {
            File.Delete(list);
        }
    }
}
