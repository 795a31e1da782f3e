using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

public class MapTableTests
{
    [Theory]
    [InlineData(new[] { 1, 1, 1 }, "s1 s2 s3")]
    [InlineData(new[] { 1, 2, 3 }, "s1 s3 s2 s3 s2 s3")]
    [InlineData(new[] { 3, 1 }, "s1 s1 s1 s2")]
    [InlineData(new[] { 10, 20, 30 }, "s1 s3 s2 s3 s2 s3")]
    public void Build_SpecWeights_SpecTable(int[] weights, string expected)
    {
        var servers = TestModel.Servers(weights);

        var table = MapTable.Build(servers, MapTable.WeightDivisor(servers));

        Assert.Equal(expected, string.Join(' ', table.Slots.Select(s => s.Name)));
    }

    [Fact]
    public void WeightDivisor_CountsEveryNonZeroWeight()
    {
        Assert.Equal(10, MapTable.WeightDivisor(TestModel.Servers(10, 0, 20, 30)));
        Assert.Equal(1, MapTable.WeightDivisor(TestModel.Servers(0, 0)));
    }

    [Fact]
    public void ByHash_TakesHashModuloLength()
    {
        var servers = TestModel.Servers(1, 2, 3);
        var table = MapTable.Build(servers, 1);

        Assert.Equal("s3", table.ByHash(7, null)!.Name); // 7 % 6 = 1
    }

    [Fact]
    public void ByHash_Restricted_WalksToNextAllowedSlot()
    {
        var servers = TestModel.Servers(1, 1, 1);
        var table = MapTable.Build(servers, 1);

        Assert.Same(servers[2], table.ByHash(1, [servers[0], servers[2]]));
    }
}
