using ConfigParser;
using ConfigParser.Diagnostics;
using Proxy.Hosting;
using Proxy.Runtime;

namespace Proxy.Tests.Runtime;

public class BackendStateTests
{
    private static BackendState Backend(string lines, string defaults = "")
    {
        var parsed = HaproxyConfigLoader.Parse([new ConfigSource("t.cfg",
            "defaults\n mode http\n timeout connect 4s\n timeout client 1s\n timeout server 1s\n" + defaults + "backend be\n" + lines)]);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Diagnostics));
        return Assert.Single(RuntimeBuilder.Build(parsed.Config!, new DiagnosticBag())!.Backends);
    }

    [Fact]
    public void Queue_NoServerMaxConn_IsNullSoNothingIsEverQueued()
    {
        Assert.Null(Backend(" server a 127.0.0.1:1\n").Queue);
    }

    [Fact]
    public void Queue_AServerWithMaxConn_Exists()
    {
        Assert.NotNull(Backend(" server a 127.0.0.1:1 maxconn 10\n server b 127.0.0.1:2\n").Queue);
    }

    [Fact]
    public void QueueTimeout_Unset_IsTimeoutConnect()
    {
        Assert.Equal(TimeSpan.FromSeconds(4), Backend(" server a 127.0.0.1:1\n").QueueTimeout);
    }

    [Fact]
    public void QueueTimeout_Set_WinsOverConnect()
    {
        Assert.Equal(TimeSpan.FromSeconds(9), Backend(" timeout queue 9s\n server a 127.0.0.1:1\n").QueueTimeout);
    }

    [Theory]
    [InlineData("", "", false)]
    [InlineData(" option abortonclose\n", "", true)]
    [InlineData(" no option abortonclose\n", " option abortonclose\n", false)]
    public void AbortOnClose_FollowsTheLastOptionLine(string own, string defaults, bool expected)
    {
        Assert.Equal(expected, Backend(own + " server a 127.0.0.1:1\n", defaults).AbortOnClose);
    }

    [Fact]
    public void Retry_FromTheSection_RetriesRedispatchAndTurnAround()
    {
        var retry = Backend(" retries 5\n option redispatch 2\n timeout connect 300ms\n server a 127.0.0.1:1\n").Retry;

        Assert.Equal((5, 2, TimeSpan.FromMilliseconds(300), false), (retry.Retries, retry.RedispatchInterval, retry.TurnAround, retry.HashBalanced));
    }

    [Fact]
    public void Retry_NoOptionRedispatch_CancelsTheInheritedOne()
    {
        Assert.Null(Backend(" no option redispatch\n server a 127.0.0.1:1\n", " option redispatch\n").Retry.RedispatchInterval);
    }
}
