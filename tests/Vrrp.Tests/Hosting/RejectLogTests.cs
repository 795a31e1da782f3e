using System.Net;
using Vrrp.Hosting;
using Vrrp.Protocol;
using Vrrp.Tests.Common;

namespace Vrrp.Tests.Hosting;

public class RejectLogTests
{
    [Fact]
    public void Record_SamePeerAndReason_LogsOncePerPeriodWithSuppressedCount()
    {
        var time = new FakeTimeProvider();
        var log = new RejectLog(time);
        var peer = IPAddress.Parse("203.0.113.11");

        Assert.Equal(0, log.Record(peer, VrrpRejectReason.WrongPassword));
        Assert.Null(log.Record(peer, VrrpRejectReason.WrongPassword));
        Assert.Null(log.Record(peer, VrrpRejectReason.WrongPassword));
        Assert.Equal(0, log.Record(peer, VrrpRejectReason.WrongTtl));
        time.Advance(RejectLog.Period);

        Assert.Equal(2, log.Record(peer, VrrpRejectReason.WrongPassword));
        Assert.Equal(5, log.Count);
    }
}
