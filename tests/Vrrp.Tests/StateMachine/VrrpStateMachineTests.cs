using System.Net;
using Vrrp.StateMachine;
using A = Vrrp.StateMachine.VrrpAction;

namespace Vrrp.Tests.StateMachine;

public class VrrpStateMachineTests
{
    private static readonly IPAddress Me = IPAddress.Parse("203.0.113.12");
    private static readonly IPAddress Lower = IPAddress.Parse("203.0.113.11");
    private static readonly IPAddress Higher = IPAddress.Parse("203.0.113.13");

    private static VrrpStateMachine Machine(int priority = 100, bool preempt = true, double preemptDelay = 0, int version = 2)
        => new(new VrrpMachineSettings(priority, 100, preempt, TimeSpan.FromSeconds(preemptDelay), Me, version));

    private static VrrpStateMachine Master(int priority = 100)
    {
        var machine = Machine(priority);
        machine.Start();
        machine.TimerFired(VrrpTimerKind.MasterDown);
        Assert.Equal(VrrpRole.Master, machine.Role);
        return machine;
    }

    [Fact]
    public void Start_BelowOwner_EntersBackupAfterRemovingStaleAddresses()
    {
        var machine = Machine(102);

        var actions = machine.Start();

        Assert.Equal(VrrpRole.Backup, machine.Role);
        Assert.Equal<A>([new A.RemoveAddresses(), new A.StartTimer(VrrpTimerKind.MasterDown, TimeSpan.FromMilliseconds(3600)), new A.Notify(VrrpRole.Init, VrrpRole.Backup, 102)], actions);
    }

    [Fact]
    public void Start_Owner_GoesStraightToMasterAdvertisingFirst()
    {
        var machine = Machine(255);

        var actions = machine.Start();

        Assert.Equal(VrrpRole.Master, machine.Role);
        Assert.Equal<A>([new A.RemoveAddresses(), new A.SendAdvert(255), new A.AddAddresses(), new A.Announce(),
            new A.StartTimer(VrrpTimerKind.Advert, TimeSpan.FromSeconds(1)), new A.StopTimer(VrrpTimerKind.PreemptDelay),
            new A.Notify(VrrpRole.Init, VrrpRole.Master, 255)], actions);
    }

    [Fact]
    public void Start_Faulted_EntersFaultWithoutTimers()
    {
        var machine = Machine();

        var actions = machine.Start(faulted: true);

        Assert.Equal(VrrpRole.Fault, machine.Role);
        Assert.DoesNotContain(actions, a => a is A.StartTimer);
    }

    // Backup receiving adverts: (our priority, preempt, advert priority, expected first action or none).
    public static TheoryData<int, bool, int, string> BackupCases => new()
    {
        { 100, true, 150, "master-down" },   // higher master: restart Master_Down_Interval (3.6 s)
        { 100, true, 100, "master-down" },   // equal: RFC 5798 §6.4.2 resets the timer (>=)
        { 100, true, 50, "discard" },         // lower with preempt: discarded, our timer fires
        { 100, false, 50, "master-down" },   // nopreempt: any master is accepted
        { 100, true, 0, "skew" },        // release: take over after Skew_Time
    };

    [Theory]
    [MemberData(nameof(BackupCases))]
    public void AdvertReceived_InBackup_FollowsRfc5798(int priority, bool preempt, int advertPriority, string expected)
    {
        var machine = Machine(priority, preempt);
        machine.Start();

        var actions = machine.AdvertReceived(advertPriority, Lower, 100);

        var skew = VrrpTimers.SkewTime(priority, 100);
        var description = actions.Count == 0 ? "discard"
            : actions[0] is A.StartTimer { Kind: VrrpTimerKind.MasterDown } t
                ? t.Delay == skew ? "skew" : t.Delay == VrrpTimers.MasterDownInterval(priority, 100) ? "master-down" : t.Delay.ToString()
                : actions[0].ToString();
        Assert.Equal(expected, description);
        Assert.Equal(VrrpRole.Backup, machine.Role);
    }

    [Fact]
    public void TimerFired_MasterDownInBackup_BecomesMasterAndAnnounces()
    {
        var machine = Machine();
        machine.Start();

        var actions = machine.TimerFired(VrrpTimerKind.MasterDown);

        Assert.Equal(VrrpRole.Master, machine.Role);
        Assert.Equal(new A.SendAdvert(100), actions[0]);
        Assert.Contains(new A.AddAddresses(), actions);
        Assert.Contains(new A.Announce(), actions);
    }

    [Fact]
    public void TimerFired_AdvertInMaster_SendsAndRearms()
    {
        var machine = Master();

        Assert.Equal<A>([new A.SendAdvert(100), new A.StartTimer(VrrpTimerKind.Advert, TimeSpan.FromSeconds(1))], machine.TimerFired(VrrpTimerKind.Advert));
    }

    [Theory]
    [InlineData(150, "203.0.113.11", VrrpRole.Backup)]  // higher priority: step down
    [InlineData(100, "203.0.113.13", VrrpRole.Backup)]  // equal priority, higher primary address wins
    [InlineData(100, "203.0.113.11", VrrpRole.Master)]  // equal priority, lower address loses
    [InlineData(50, "203.0.113.13", VrrpRole.Master)]   // lower priority: keep mastership
    public void AdvertReceived_InMaster_ElectsByPriorityThenAddress(int advertPriority, string source, VrrpRole expected)
    {
        var machine = Master();

        var actions = machine.AdvertReceived(advertPriority, IPAddress.Parse(source), 100);

        Assert.Equal(expected, machine.Role);
        if (expected == VrrpRole.Backup)
        {
            Assert.Contains(new A.RemoveAddresses(), actions);
            Assert.DoesNotContain(actions, a => a is A.SendAdvert);
        }
        else
        {
            // keepalived 2.2.7: re-advertise and re-send gratuitous ARPs at once.
            Assert.Equal<A>([new A.SendAdvert(100), new A.Announce(), new A.StartTimer(VrrpTimerKind.Advert, TimeSpan.FromSeconds(1))], actions);
        }
    }

    [Fact]
    public void Shutdown_Master_SendsPriorityZeroThenRemovesAddresses()
    {
        var machine = Master();

        var actions = machine.Shutdown();

        var send = actions.ToList().IndexOf(new A.SendAdvert(0));
        Assert.True(send >= 0);
        Assert.True(actions.ToList().IndexOf(new A.RemoveAddresses()) > send);
        Assert.Equal(VrrpRole.Init, machine.Role);
        Assert.Equal(new A.Notify(VrrpRole.Master, VrrpRole.Init, 100), actions[^1]);
    }

    [Fact]
    public void Shutdown_Backup_SendsNothing()
    {
        var machine = Machine();
        machine.Start();

        Assert.DoesNotContain(machine.Shutdown(), a => a is A.SendAdvert or A.RemoveAddresses);
    }

    [Fact]
    public void Fault_FromMaster_ReleasesAndRecoverReturnsToBackup()
    {
        var machine = Master();

        var fault = machine.Fault();
        Assert.Equal(VrrpRole.Fault, machine.Role);
        Assert.Contains(new A.SendAdvert(0), fault);
        Assert.Contains(new A.RemoveAddresses(), fault);
        Assert.Empty(machine.AdvertReceived(50, Lower, 100));
        Assert.Empty(machine.TimerFired(VrrpTimerKind.MasterDown));

        machine.Recover();
        Assert.Equal(VrrpRole.Backup, machine.Role);
    }

    [Fact]
    public void PriorityChanged_MasterCarriesNewValueInNextAdvert()
    {
        var machine = Master(103);

        machine.PriorityChanged(101);

        Assert.Equal(new A.SendAdvert(101), machine.TimerFired(VrrpTimerKind.Advert)[0]);
    }

    [Theory]
    [InlineData(300, 254)]
    [InlineData(-5, 1)]
    public void PriorityChanged_OutOfRange_ClampsLikeKeepalived(int effective, int expected)
    {
        var machine = Machine();
        machine.PriorityChanged(effective);
        Assert.Equal(expected, machine.Priority);
    }

    [Fact]
    public void PreemptDelay_FirstLowerAdvertOpensTheWindowThenPreemptionResumes()
    {
        var machine = Machine(150, preempt: true, preemptDelay: 5);
        machine.Start();

        var first = machine.AdvertReceived(100, Lower, 100);
        Assert.Contains(new A.StartTimer(VrrpTimerKind.PreemptDelay, TimeSpan.FromSeconds(5)), first);
        Assert.Contains(first, a => a is A.StartTimer { Kind: VrrpTimerKind.MasterDown });
        Assert.NotEmpty(machine.AdvertReceived(100, Lower, 100));   // still tolerated

        machine.TimerFired(VrrpTimerKind.PreemptDelay);
        Assert.Empty(machine.AdvertReceived(100, Lower, 100));      // discarded: our timer will fire
        Assert.Equal(VrrpRole.Master, machine.TimerFired(VrrpTimerKind.MasterDown).OfType<A.Notify>().Single().To);
    }

    [Fact]
    public void AdvertReceived_V3Backup_LearnsTheMasterInterval()
    {
        var machine = Machine(100, version: 3);
        machine.Start();

        var actions = machine.AdvertReceived(150, Higher, 20);

        Assert.Equal(20, machine.MasterAdvertIntervalCentiseconds);
        Assert.Equal(new A.StartTimer(VrrpTimerKind.MasterDown, VrrpTimers.MasterDownInterval(100, 20)), actions[0]);
    }

    [Fact]
    public void GroupMaster_BackupFollowsAndGroupBackupStepsDown()
    {
        var machine = Machine();
        machine.Start();

        machine.GroupMaster();
        Assert.Equal(VrrpRole.Master, machine.Role);
        machine.GroupBackup();
        Assert.Equal(VrrpRole.Backup, machine.Role);
    }
}
