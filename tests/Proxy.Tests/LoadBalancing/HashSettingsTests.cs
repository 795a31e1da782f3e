using ConfigParser.Model;
using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

public class HashSettingsTests
{
    [Theory]
    [InlineData(null, null, false, false, "Sdbm", false)]
    [InlineData("map-based", null, false, false, "Sdbm", false)]
    [InlineData("consistent", null, false, true, "Sdbm", true)]
    [InlineData("consistent", "sdbm", false, true, "Sdbm", false)]
    [InlineData("consistent", "djb2", true, true, "Djb2", true)]
    [InlineData("map-based", "wt6", false, false, "Wt6", false)]
    [InlineData("map-based", "crc32", true, false, "Crc32", true)]
    public void From_HashTypeLine_Haproxy26Defaults(string? method, string? function, bool avalanche, bool consistent, string expected, bool expectedAvalanche)
    {
        var definition = method is null ? null : new HashTypeDefinition(TestModel.At, method, function, avalanche);

        Assert.Equal(new HashSettings(consistent, Enum.Parse<HashFunction>(expected), expectedAvalanche), HashSettings.From(definition));
    }

    [Fact]
    public void Hash_WithAvalanche_AppliesItAfterTheFunction()
    {
        var settings = new HashSettings(true, HashFunction.Sdbm, true);

        Assert.Equal(HashFunctions.Avalanche(HashFunctions.Sdbm("abc".AsSpan())), settings.Hash("abc".AsSpan()));
    }
}
