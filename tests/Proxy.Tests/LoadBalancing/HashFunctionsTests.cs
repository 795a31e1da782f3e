using System.Text;
using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

public class HashFunctionsTests
{
    // haproxy 2.6's full_hash ends with a multiplication the spec sheet's formula and vectors leave out.
    private const uint Spread = 3221225473u;

    // Spec sheet §1.4 test vectors: key, sdbm, djb2, wt6, crc32, avalanche(sdbm) before the final multiplication.
    public static TheoryData<string, uint, uint, uint, uint, uint> Vectors() => new()
    {
        { "", 0x00000000, 0x00001505, 0xf99a0360, 0x00000000, 0x6b4ed927 },
        { "a", 0x00000061, 0x0002b606, 0x714bf225, 0xe8b7be43, 0x2d1eff97 },
        { "abc", 0x3025f862, 0x0b885c8b, 0x940028e8, 0x352441c2, 0xa74b4266 },
        { "/", 0x0000002f, 0x0002b5d4, 0x7073cea5, 0x79d3d2d4, 0x7e3f41d0 },
        { "/index.html", 0x33242976, 0xe114b9cf, 0x3101077e, 0xea224b42, 0xfb63160c },
        { "www.example.com", 0xa204b186, 0xa9788331, 0x248109f7, 0x2ed642bb, 0x8a164c1d },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Hash_SpecVectors_Match(string key, uint sdbm, uint djb2, uint wt6, uint crc32, uint avalanche)
    {
        var text = key.AsSpan();

        Assert.Equal(sdbm, HashFunctions.Hash(HashFunction.Sdbm, text));
        Assert.Equal(djb2, HashFunctions.Hash(HashFunction.Djb2, text));
        Assert.Equal(wt6, HashFunctions.Hash(HashFunction.Wt6, text));
        Assert.Equal(crc32, HashFunctions.Hash(HashFunction.Crc32, text));
        Assert.Equal(unchecked(avalanche * Spread), HashFunctions.Avalanche(HashFunctions.Sdbm(text)));
    }

    [Theory]
    [InlineData("Sdbm")]
    [InlineData("Djb2")]
    [InlineData("Wt6")]
    [InlineData("Crc32")]
    public void Hash_BytesAndLatin1Text_Agree(string name)
    {
        var function = Enum.Parse<HashFunction>(name);
        const string key = "caf\u00e9/\u00ff?x=1";

        Assert.Equal(HashFunctions.Hash(function, Encoding.Latin1.GetBytes(key).AsSpan()), HashFunctions.Hash(function, key.AsSpan()));
    }

    [Theory]
    [InlineData(1u, 0xb48681b6u)]
    [InlineData(4096u, 0x09c2008bu)]
    public void Avalanche_SpecVectors_MatchTimesTheSpreadingPrime(uint input, uint expected)
        => Assert.Equal(unchecked(expected * Spread), HashFunctions.Avalanche(input));
}
