using ConfigParser.Model.Conditions;
using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

public class SampleKeyHasherTests
{
    private static SampleExpression Fetch(string name, params string[] arguments) => new(name, arguments, [], SampleType.Str);

    [Fact]
    public void TryHash_HeaderWithoutOccurrence_LastValue()
    {
        var hasher = SampleKeyHasher.Create(Fetch("req.hdr", "x-key"), out _)!;

        Assert.True(hasher.TryHash(Requests.Get("/", null, ("X-Key", "b, a")), default, out var hash));
        Assert.Equal(0x61u, hash);
    }

    [Fact]
    public void TryHash_UrlParameter_ItsValue()
    {
        var hasher = SampleKeyHasher.Create(Fetch("url_param", "id"), out _)!;

        Assert.True(hasher.TryHash(Requests.Get("/x?id=abc"), default, out var hash));
        Assert.Equal(0x3025f862u, hash);
    }

    [Fact]
    public void TryHash_LowerConverter_HashesTheLowerCaseValue()
    {
        var sample = Fetch("req.hdr", "x-key") with { Converters = [new ConverterCall("lower", [], SampleType.Str)] };
        var hasher = SampleKeyHasher.Create(sample, out _)!;

        Assert.True(hasher.TryHash(Requests.Get("/", null, ("X-Key", "ABC")), default, out var hash));
        Assert.Equal(0x3025f862u, hash);
    }

    [Fact]
    public void TryHash_NoValue_NoKey()
        => Assert.False(SampleKeyHasher.Create(Fetch("req.hdr", "x-key"), out _)!.TryHash(Requests.Get("/"), default, out _));

    [Fact]
    public void Create_UnknownFetch_Unsupported()
    {
        Assert.Null(SampleKeyHasher.Create(Fetch("rand"), out var unsupported));
        Assert.NotNull(unsupported);
    }
}
