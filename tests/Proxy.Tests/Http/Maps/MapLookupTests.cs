using Proxy.Http.Maps;

namespace Proxy.Tests.Http.Maps;

/// <summary>Expected values observed on haproxy 2.6.12 with the same map files (`return lf-string` of each converter).</summary>
public class MapLookupTests
{
    private static readonly IReadOnlyList<MapEntry> Paths = MapFile.Parse(["/a first", "/ab second", "/abc/d third", "example.com dom"]);
    private static readonly IReadOnlyList<MapEntry> Short = MapFile.Parse(["/a first", "/ab second"]);
    private static readonly IReadOnlyList<MapEntry> Networks = MapFile.Parse(["10.0.0.0/8 wide", "10.1.0.0/16 narrow", "192.0.2.7 one", "2001:db8::/32 six"]);

    [Theory]
    [InlineData("Beg", "/abc/d/e", "third")]
    [InlineData("Beg", "/ab", "second")]
    [InlineData("Beg", "/a", "first")]
    [InlineData("Beg", "/zz/ab", null)]
    [InlineData("End", "/zz/ab", "second")]
    [InlineData("End", "/x/a", "first")]
    [InlineData("End", "/abc/d/e", null)]
    [InlineData("Dom", "www.example.com", "dom")]
    [InlineData("Dom", "example.com.evil", "dom")]
    [InlineData("Dir", "/abc/d/e", "third")]
    [InlineData("Dir", "/zz/ab", "second")]
    [InlineData("Str", "/ab", "second")]
    [InlineData("Str", "/abc/d/e", null)]
    [InlineData("Str", "/AB", null)]
    public void Find_PathMap_AsHaproxy(string match, string sample, string? expected)
        => Assert.Equal(expected, MapLookup.Create(Enum.Parse<MapMatch>(match), Paths, out _)!.Find(sample));

    [Theory]
    [InlineData("Sub", "/ab", "first")]
    [InlineData("Sub", "/x/ab/y", "first")]
    [InlineData("Reg", "/zz/ab", "first")]
    [InlineData("Reg", "/b", null)]
    public void Find_ListMatches_FirstKeyInFileOrder(string match, string sample, string? expected)
        => Assert.Equal(expected, MapLookup.Create(Enum.Parse<MapMatch>(match), Short, out _)!.Find(sample));

    [Theory]
    [InlineData("10.1.2.3", "narrow")]
    [InlineData("10.2.0.1", "wide")]
    [InlineData("::ffff:10.1.0.9", "narrow")]
    [InlineData("192.0.2.7", "one")]
    [InlineData("192.0.2.8", null)]
    [InlineData("2001:db8::1", "six")]
    [InlineData("not-an-address", null)]
    public void Find_Ip_MostSpecificNetwork(string sample, string? expected)
        => Assert.Equal(expected, MapLookup.Create(MapMatch.Ip, Networks, out _)!.Find(sample));

    [Theory]
    [InlineData("10.1.2.3/8", "10.200.0.1", "x")]
    [InlineData("10.0.0.0/255.255.0.0", "10.0.9.9", "x")]
    [InlineData("10.0.0.0/255.255.0.0", "10.1.9.9", null)]
    public void Find_IpKeyForms_HostBitsDroppedAndDottedMasks(string key, string sample, string? expected)
        => Assert.Equal(expected, MapLookup.Create(MapMatch.Ip, [new MapEntry(key, "x")], out _)!.Find(sample));

    [Theory]
    [InlineData("Ip", "not-a-network")]
    [InlineData("Reg", "([unclosed")]
    public void Create_UnusableKey_Refused(string match, string key)
    {
        Assert.Null(MapLookup.Create(Enum.Parse<MapMatch>(match), [new MapEntry(key, "x")], out var error));
        Assert.Contains(key, error);
    }
}
