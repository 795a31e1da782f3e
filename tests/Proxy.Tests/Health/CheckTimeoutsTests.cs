using Proxy.Health;

namespace Proxy.Tests.Health;

public class CheckTimeoutsTests
{
    private static readonly TimeSpan Inter = TimeSpan.FromSeconds(2);

    [Fact]
    public void For_NoTimeoutCheck_InterBoundsTheWholeCheck()
        => Assert.Equal(new CheckTimeouts(Inter, Inter, true), CheckTimeouts.For(Inter, TimeSpan.FromSeconds(1), null));

    [Fact]
    public void For_TimeoutCheck_ConnectUsesTimeoutConnectAndReadUsesTimeoutCheck()
        => Assert.Equal(new CheckTimeouts(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(400), false),
            CheckTimeouts.For(Inter, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(400)));

    [Fact]
    public void For_TimeoutConnectAboveInter_ConnectIsCappedByInter()
        => Assert.Equal(Inter, CheckTimeouts.For(Inter, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1)).Connect);
}
