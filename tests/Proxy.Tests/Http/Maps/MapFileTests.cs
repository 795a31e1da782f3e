using Proxy.Http.Maps;

namespace Proxy.Tests.Http.Maps;

public class MapFileTests
{
    [Fact]
    public void Parse_CommentsBlanksAndSpacing_KeyThenRestOfLine()
    {
        var entries = MapFile.Parse(["www.a.example be_a", "# comment", "", "  b.example \t be_b  ", "lonely", "c.example two words"]);

        Assert.Equal(
            [new MapEntry("www.a.example", "be_a"), new MapEntry("b.example", "be_b"), new MapEntry("lonely", ""), new MapEntry("c.example", "two words")],
            entries);
    }

    [Fact]
    public void Load_MissingFile_HaproxyReason()
    {
        Assert.Null(MapFile.Load("/nonexistent/x.map", out var error));
        Assert.Equal("failed to open pattern file </nonexistent/x.map>", error);
    }
}
