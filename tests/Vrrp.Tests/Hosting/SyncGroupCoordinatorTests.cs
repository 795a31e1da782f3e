using System.Net;
using ConfigParser.Keepalived.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Vrrp.Config;
using Vrrp.Hosting;
using Vrrp.StateMachine;
using Vrrp.Tests.Common;

namespace Vrrp.Tests.Hosting;

public class SyncGroupCoordinatorTests
{
    private static VrrpInstanceRunner Runner(string name, int vrid, int priority, FakeTimeProvider time)
    {
        var net = new FakeNetwork();
        var config = new VrrpInstanceConfig
        {
            Name = name,
            Interface = "eth0",
            VirtualRouterId = vrid,
            Priority = priority,
            AdvertIntervalCentiseconds = 100,
            Version = 2,
            Addresses = [new VirtualAddress(IPAddress.Parse($"203.0.113.{vrid}"), 24, "eth0", null, null, true)],
        };
        return new VrrpInstanceRunner(config, net, net, net, null, time, NullLogger.Instance);
    }

    [Fact]
    public void Members_OneBecomesMaster_TheOtherFollowsAndBothLeaveOnFault()
    {
        var time = new FakeTimeProvider();
        // Different priorities: alone, the priority-200 member would become master 0.8 s before the other.
        var fast = Runner("VI_1", 1, 200, time);
        var slow = Runner("VI_2", 2, 50, time);
        _ = new SyncGroupCoordinator(new SyncGroupConfig("G", ["VI_1", "VI_2"], new VrrpNotify()), [fast, slow], null);
        fast.Start(false);
        slow.Start(false);

        time.Advance(VrrpTimers.MasterDownInterval(200, 100) + TimeSpan.FromMilliseconds(10));
        Assert.Equal((VrrpRole.Master, VrrpRole.Master), (fast.Role, slow.Role));

        fast.Track(200, fault: true);
        Assert.Equal((VrrpRole.Fault, VrrpRole.Backup), (fast.Role, slow.Role));
    }
}
