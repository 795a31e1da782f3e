using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Proxy.Http;

namespace Proxy.Tests.Http;

public class TunnelRequestConfigTests
{
    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void IsTunnelRequest_FollowsKestrelsUpgradeFeature(bool upgradable, bool expected)
    {
        var context = new DefaultHttpContext();
        context.Features.Set<IHttpUpgradeFeature>(new Upgrade(upgradable));

        Assert.Equal(expected, TunnelRequestConfig.IsTunnelRequest(context));
    }

    [Fact]
    public void IsTunnelRequest_NoUpgradeFeature_False()
    {
        Assert.False(TunnelRequestConfig.IsTunnelRequest(new DefaultHttpContext()));
    }

    private sealed class Upgrade(bool upgradable) : IHttpUpgradeFeature
    {
        public bool IsUpgradableRequest => upgradable;

        public Task<Stream> UpgradeAsync() => throw new NotSupportedException();
    }
}
