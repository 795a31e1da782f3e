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

    // VI_1 at priority 200 and VI_2 at 50 in sync group G, started.
    private static (VrrpInstanceRunner A, VrrpInstanceRunner B, FakeTimeProvider Time) Group(bool startFaulted = false)
    {
        var time = new FakeTimeProvider();
        var a = Runner("VI_1", 1, 200, time);
        var b = Runner("VI_2", 2, 50, time);
        _ = new SyncGroupCoordinator(new SyncGroupConfig("G", ["VI_1", "VI_2"], new VrrpNotify()), [a, b], null);
        a.Start(startFaulted);
        b.Start(false);
        return (a, b, time);
    }

    [Fact]
    public void Members_OneBecomesMaster_TheOtherFollowsAndBothLeaveOnFault()
    {
        // Different priorities: alone, the priority-200 member would become master 0.8 s before the other.
        var (fast, slow, time) = Group();

        // keepalived 2.2.7: the first member to time out waits for the group; the last one takes it to MASTER.
        time.Advance(VrrpTimers.MasterDownInterval(200, 100) + TimeSpan.FromMilliseconds(10));
        Assert.Equal((VrrpRole.Backup, VrrpRole.Backup), (fast.Role, slow.Role));
        Assert.True(fast.WantsMaster);
        time.Advance(VrrpTimers.MasterDownInterval(50, 100) - VrrpTimers.MasterDownInterval(200, 100));
        Assert.Equal((VrrpRole.Master, VrrpRole.Master), (fast.Role, slow.Role));

        fast.Track(200, fault: true);
        // keepalived 2.2.7 observed: "VRRP_Group(G) Syncing instances to FAULT state".
        Assert.Equal((VrrpRole.Fault, VrrpRole.Fault), (fast.Role, slow.Role));
    }

    [Fact]
    public void Track_FaultedMemberRecovers_GroupReturnsToBackupThenMaster()
    {
        var (a, b, time) = Group();
        time.Advance(VrrpTimers.MasterDownInterval(50, 100) + TimeSpan.FromMilliseconds(10));
        Assert.Equal((VrrpRole.Master, VrrpRole.Master), (a.Role, b.Role));
        b.Track(50, fault: true);
        Assert.Equal((VrrpRole.Fault, VrrpRole.Fault), (a.Role, b.Role));

        // The other member's own tracking is fine, yet it stays in FAULT while the group is faulted.
        a.Track(200, fault: false);
        Assert.Equal(VrrpRole.Fault, a.Role);

        b.Track(50, fault: false);
        Assert.Equal((VrrpRole.Backup, VrrpRole.Backup), (a.Role, b.Role));
        time.Advance(VrrpTimers.MasterDownInterval(50, 100) + TimeSpan.FromMilliseconds(10));
        Assert.Equal((VrrpRole.Master, VrrpRole.Master), (a.Role, b.Role));
    }

    [Fact]
    public void Track_TwoMembersFaultedOneRecovers_GroupStaysFaultedUntilBoth()
    {
        var (a, b, _) = Group();
        a.Track(200, fault: true);
        b.Track(50, fault: true);

        a.Track(200, fault: false);
        Assert.Equal((VrrpRole.Fault, VrrpRole.Fault), (a.Role, b.Role));

        b.Track(50, fault: false);
        Assert.Equal((VrrpRole.Backup, VrrpRole.Backup), (a.Role, b.Role));
    }

    [Fact]
    public void Start_OneMemberFaulted_OtherStartsInFault()
    {
        var (a, b, _) = Group(startFaulted: true);

        Assert.Equal((VrrpRole.Fault, VrrpRole.Fault), (a.Role, b.Role));
        a.Track(200, fault: false);
        Assert.Equal((VrrpRole.Backup, VrrpRole.Backup), (a.Role, b.Role));
    }
}
