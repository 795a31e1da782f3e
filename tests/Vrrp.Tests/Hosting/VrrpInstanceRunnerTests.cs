using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Vrrp.Config;
using Vrrp.Hosting;
using Vrrp.Protocol;
using Vrrp.StateMachine;
using Vrrp.Tests.Common;

namespace Vrrp.Tests.Hosting;

public class VrrpInstanceRunnerTests
{
    private static readonly IPAddress Vip = IPAddress.Parse("203.0.113.100");
    private static readonly IPAddress Peer = IPAddress.Parse("203.0.113.11");
    private static readonly IPAddress Group = IPAddress.Parse(VrrpConstants.IPv4Multicast);

    private static VrrpInstanceConfig Config(int priority = 100, TimeSpan? refresh = null) => new()
    {
        Name = "VI_1",
        Interface = "eth0",
        VirtualRouterId = 51,
        Priority = priority,
        AdvertIntervalCentiseconds = 100,
        Version = 2,
        AuthType = 1,
        Password = "x",
        Addresses = [new VirtualAddress(Vip, 24, "eth0", null, null, true)],
        GarpMasterRefresh = refresh,
    };

    private static (VrrpInstanceRunner Runner, FakeNetwork Net, FakeTimeProvider Time) Start(int priority = 100, TimeSpan? refresh = null)
    {
        var net = new FakeNetwork();
        var time = new FakeTimeProvider();
        var runner = new VrrpInstanceRunner(Config(priority, refresh), net, net, net, null, time, NullLogger.Instance);
        runner.Start(faulted: false);
        return (runner, net, time);
    }

    private static byte[] Advert(int priority, string password = "x", int vrid = 51)
        => VrrpAdvertCodec.Encode(new VrrpAdvert(2, vrid, priority, 100, [Vip], 1, password), Peer, Group);

    [Fact]
    public void Start_Alone_BecomesMasterAfterMasterDownIntervalAndAdvertisesEverySecond()
    {
        var (runner, net, time) = Start();

        time.Advance(TimeSpan.FromMilliseconds(3590));
        Assert.Equal(VrrpRole.Backup, runner.Role);
        Assert.Empty(net.Sent);

        time.Advance(TimeSpan.FromMilliseconds(20));
        Assert.Equal(VrrpRole.Master, runner.Role);
        Assert.Contains(Vip, net.Held);
        Assert.Equal(["remove", "advert 100", "add", "garp 5"], net.Log);

        time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(4, net.Sent.Count);
    }

    [Fact]
    public void Master_SecondGarpBurstAfterFiveSeconds()
    {
        var (_, net, time) = Start();
        time.Advance(TimeSpan.FromSeconds(3.61));

        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(10, net.Announcements);
    }

    [Fact]
    public void Master_GarpMasterRefresh_RepeatsBurstsUntilLeavingMaster()
    {
        var (runner, net, time) = Start(refresh: TimeSpan.FromSeconds(60));
        time.Advance(TimeSpan.FromSeconds(3.61));

        time.Advance(TimeSpan.FromSeconds(120));
        Assert.Equal(5 * 4, net.Announcements); // at once, after 5 s, after 60 s and 120 s

        for (var i = 0; i < 120; i++)
        {
            runner.Receive(Advert(200), 255, Peer, Group);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(VrrpRole.Backup, runner.Role);
        Assert.Equal(5 * 4, net.Announcements);
    }

    [Fact]
    public void Receive_HigherPriorityAdverts_KeepBackupAndResetTimer()
    {
        var (runner, net, time) = Start();
        for (var i = 0; i < 10; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            runner.Receive(Advert(150), 255, Peer, Group);
        }

        Assert.Equal(VrrpRole.Backup, runner.Role);
        Assert.Empty(net.Sent);
    }

    [Fact]
    public void Receive_PriorityZero_TakesOverAfterSkewTime()
    {
        var (runner, _, time) = Start();
        runner.Receive(Advert(150), 255, Peer, Group);

        runner.Receive(Advert(0), 255, Peer, Group);
        time.Advance(TimeSpan.FromMilliseconds(590));
        Assert.Equal(VrrpRole.Backup, runner.Role);
        time.Advance(TimeSpan.FromMilliseconds(20));

        Assert.Equal(VrrpRole.Master, runner.Role);
    }

    [Theory]
    [InlineData("y", 255)]
    [InlineData("x", 64)]
    public void Receive_AdvertKeepalivedWouldRefuse_IsDroppedAndCounted(string password, int ttl)
    {
        var (runner, _, time) = Start();
        for (var i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            runner.Receive(Advert(150, password), ttl, Peer, Group);
        }

        Assert.Equal(5, runner.RejectedAdverts);
        Assert.Equal(VrrpRole.Master, runner.Role);
    }

    [Fact]
    public void Receive_OtherVrid_IgnoredWithoutCounting()
    {
        var (runner, _, _) = Start();

        runner.Receive(Advert(150, vrid: 52), 255, Peer, Group);

        Assert.Equal(0, runner.RejectedAdverts);
    }

    [Fact]
    public async Task StopAsync_Master_SendsPriorityZeroAndRemovesVip()
    {
        var (runner, net, time) = Start();
        time.Advance(TimeSpan.FromSeconds(4));

        await runner.StopAsync();

        Assert.Equal(0, net.Sent[^1].Priority);
        Assert.Equal("remove", net.Log[^1]);
        Assert.Empty(net.Held);
    }

    [Fact]
    public void Track_FaultThenRecover_ReleasesThenElectsAgain()
    {
        var (runner, net, time) = Start();
        time.Advance(TimeSpan.FromSeconds(4));

        runner.Track(100, fault: true);
        Assert.Equal(VrrpRole.Fault, runner.Role);
        Assert.Empty(net.Held);
        Assert.Equal(0, net.Sent[^1].Priority);

        runner.Track(100, fault: false);
        time.Advance(TimeSpan.FromSeconds(3.61));
        Assert.Equal(VrrpRole.Master, runner.Role);
    }

    [Fact]
    public void Track_PriorityDrop_NextAdvertCarriesEffectivePriority()
    {
        var (runner, net, time) = Start(101);
        time.Advance(TimeSpan.FromSeconds(4));

        runner.Track(99, fault: false);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(99, net.Sent[^1].Priority);
    }
}
