using Proxy.Http.LogFormat;
using Proxy.Http.Maps;

namespace Proxy.Tests.Http.LogFormat;

public sealed class MapConverterTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public MapConverterTests() => File.WriteAllLines(_file, ["a.example be_a", "b.example be_b"]);

    public void Dispose() => File.Delete(_file);

    [Theory]
    [InlineData("a.example", "be_a")]
    [InlineData("c.example", "fallback")]
    public void Convert_WithDefault_ValueOrDefault(string sample, string expected)
        => Assert.Equal(expected, MapConverter.Create(MapMatch.Str, [_file, "fallback"], out _)!.Convert(sample));

    [Fact]
    public void Convert_NoMatchNoDefault_NoSample()
        => Assert.Null(MapConverter.Create(MapMatch.Str, [_file], out _)!.Convert("c.example"));

    [Theory]
    [InlineData("map", "Str")]
    [InlineData("map_str", "Str")]
    [InlineData("map_beg", "Beg")]
    [InlineData("map_dom", "Dom")]
    [InlineData("map_ip", "Ip")]
    [InlineData("map_reg", "Reg")]
    public void MatchOf_Keyword_Match(string keyword, string expected) => Assert.Equal(Enum.Parse<MapMatch>(expected), MapConverter.MatchOf(keyword));

    [Theory]
    [InlineData("map_int")]
    [InlineData("map_str_int")]
    [InlineData("lower")]
    public void MatchOf_OtherKeyword_Null(string keyword) => Assert.Null(MapConverter.MatchOf(keyword));

    [Fact]
    public void Create_MissingFile_Reason()
    {
        Assert.Null(MapConverter.Create(MapMatch.Str, ["/nonexistent.map"], out var error));
        Assert.Equal("failed to open pattern file </nonexistent.map>", error);
    }
}
