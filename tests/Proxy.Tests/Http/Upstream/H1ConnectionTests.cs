using System.Net;
using Proxy.Http;
using Proxy.Http.Upstream;
using Proxy.Tests.Support;

namespace Proxy.Tests.Http.Upstream;

public class H1ConnectionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public void Arm_NoActivityForTheTimeout_CancelsTheConnectionsToken()
    {
        var (time, connection) = Make();
        connection.Arm(Timeout);

        time.Advance(Timeout - TimeSpan.FromTicks(1));
        Assert.False(connection.Timer.IsCancellationRequested);
        time.Advance(TimeSpan.FromTicks(1));

        Assert.True(connection.Timer.IsCancellationRequested);
    }

    [Fact]
    public void Arm_AgainBeforeTheDeadline_TimeoutCountsFromTheLastArm()
    {
        var (time, connection) = Make();
        connection.Arm(Timeout);
        time.Advance(TimeSpan.FromSeconds(6));
        connection.Arm(Timeout);

        time.Advance(TimeSpan.FromSeconds(6));
        Assert.False(connection.Timer.IsCancellationRequested);
        time.Advance(TimeSpan.FromSeconds(4));

        Assert.True(connection.Timer.IsCancellationRequested);
    }

    [Fact]
    public void Arm_ManyTimes_OneTimerPending()
    {
        var (time, connection) = Make();
        var before = time.PendingTimers;

        for (var i = 0; i < 100; i++)
        {
            connection.Arm(Timeout);
        }

        Assert.Equal(before + 1, time.PendingTimers);
    }

    [Fact]
    public void Arm_ShorterTimeoutThanTheArmedOne_FiresAtTheShorterOne()
    {
        var (time, connection) = Make();
        connection.Arm(Timeout);
        connection.Arm(TimeSpan.FromSeconds(2));

        time.Advance(TimeSpan.FromSeconds(2));

        Assert.True(connection.Timer.IsCancellationRequested);
    }

    [Fact]
    public void ResetTimer_BeforeTheDeadline_NeverCancelsAndStaysUsable()
    {
        var (time, connection) = Make();
        var idle = time.PendingTimers;
        connection.Arm(Timeout);

        Assert.True(connection.ResetTimer());
        time.Advance(Timeout * 3);

        Assert.False(connection.Timer.IsCancellationRequested);
        Assert.Equal(idle, time.PendingTimers);
    }

    [Fact]
    public void ResetTimer_AfterTheDeadline_FalseConnectionUnusable()
    {
        var (time, connection) = Make();
        connection.Arm(Timeout);
        time.Advance(Timeout);

        Assert.False(connection.ResetTimer());
    }

    private static (FakeTimeProvider Time, H1Connection Connection) Make()
    {
        var time = new FakeTimeProvider();
        var connector = new UpstreamConnector((_, _) => throw new InvalidOperationException("not used"), null, time);
        var pool = new H1ConnectionPool(new DnsEndPoint("127.0.0.1", 1), connector, TimeSpan.FromSeconds(60), time);
        return (time, new H1Connection(new MemoryStream(), pool));
    }
}
