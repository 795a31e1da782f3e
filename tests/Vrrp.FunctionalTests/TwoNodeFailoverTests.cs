using System.Diagnostics;
using System.Text.RegularExpressions;
using Vrrp.FunctionalTests.Common;
using Vrrp.StateMachine;

namespace Vrrp.FunctionalTests;

/// <summary>
/// Two `proxy -k` nodes on a bridge in network namespaces (node a priority 150, node b priority 100): the VIP moves
/// on kill -9 within Master_Down_Interval + 0.3 s, on SIGTERM within 1 s, and the old master preempts back.
/// </summary>
public class TwoNodeFailoverTests
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(15);

    [RequiresRootFact]
    public void KillMinus9_OfMaster_BackupTakesVipWithinMasterDownIntervalAndOldMasterPreemptsBack()
    {
        var dir = Directory.CreateTempSubdirectory("vrrp-ft-");
        using var topology = new NetnsTopology(("a", "203.0.113.11"), ("b", "203.0.113.12"));
        NodeProcess? a = null, b = null;
        try
        {
            var confA = KeepalivedConf.Write(dir.FullName, "a", 150);
            var confB = KeepalivedConf.Write(dir.FullName, "b", 100);
            a = NodeProcess.Proxy(topology.Namespace("a"), confA);
            b = NodeProcess.Proxy(topology.Namespace("b"), confB);
            Assert.True(Shell.WaitFor(() => topology.HasVip("a") && !topology.HasVip("b"), StartLimit) is not null, $"a never sole master.\na: {a.Output}\nb: {b.Output}");
            Thread.Sleep(1500); // b must have heard a's adverts for a while (it is BACKUP, with its timer running)
            Assert.False(topology.HasVip("b"));

            var clock = Stopwatch.StartNew();
            a.Kill();
            var limit = VrrpTimers.MasterDownInterval(100, 100) + TimeSpan.FromMilliseconds(300);
            var took = Shell.WaitFor(() => topology.HasVip("b"), limit, clock);
            Assert.True(took is not null, $"b did not take the VIP within {limit.TotalSeconds} s.\nb: {b.Output}");

            // a's host "comes back": the kill left its VIP behind, as keepalived's would; the restart removes it.
            a.Dispose();
            a = NodeProcess.Proxy(topology.Namespace("a"), confA);
            var back = Shell.WaitFor(() => topology.HasVip("a") && !topology.HasVip("b"), StartLimit);
            Assert.True(back is not null, $"a did not preempt back.\na: {a.Output}\nb: {b.Output}");
        }
        finally
        {
            a?.Dispose();
            b?.Dispose();
            dir.Delete(recursive: true);
        }
    }

    [RequiresRootFact]
    public void Sigterm_OfMaster_BackupTakesVipWithinOneSecondAndMasterReleasesIt()
    {
        var dir = Directory.CreateTempSubdirectory("vrrp-ft-");
        using var topology = new NetnsTopology(("a", "203.0.113.11"), ("b", "203.0.113.12"));
        NodeProcess? a = null, b = null;
        try
        {
            a = NodeProcess.Proxy(topology.Namespace("a"), KeepalivedConf.Write(dir.FullName, "a", 150));
            b = NodeProcess.Proxy(topology.Namespace("b"), KeepalivedConf.Write(dir.FullName, "b", 100));
            Assert.True(Shell.WaitFor(() => topology.HasVip("a") && !topology.HasVip("b"), StartLimit) is not null, $"a never sole master.\na: {a.Output}\nb: {b.Output}");
            Thread.Sleep(1500);

            var clock = Stopwatch.StartNew();
            a.Terminate();
            var took = Shell.WaitFor(() => topology.HasVip("b") && !topology.HasVip("a"), TimeSpan.FromSeconds(1), clock);
            Assert.True(took is not null, $"VIP not moved within 1 s of SIGTERM (a holds: {topology.HasVip("a")}, b holds: {topology.HasVip("b")}).\na: {a.Output}\nb: {b.Output}");
            Assert.True(a.WaitForExit(TimeSpan.FromSeconds(5)), "a did not exit after SIGTERM");
            Assert.Matches(new Regex(@"\(VI_1\) Entering MASTER STATE"), b.Output);
        }
        finally
        {
            a?.Dispose();
            b?.Dispose();
            dir.Delete(recursive: true);
        }
    }

    [RequiresRootFact]
    public void LinkDown_OnMaster_MasterEntersFaultAndReleasesVipBackupTakesOver()
    {
        var dir = Directory.CreateTempSubdirectory("vrrp-ft-");
        using var topology = new NetnsTopology(("a", "203.0.113.11"), ("b", "203.0.113.12"));
        NodeProcess? a = null, b = null;
        try
        {
            a = NodeProcess.Proxy(topology.Namespace("a"), KeepalivedConf.Write(dir.FullName, "a", 150));
            b = NodeProcess.Proxy(topology.Namespace("b"), KeepalivedConf.Write(dir.FullName, "b", 100));
            Assert.True(Shell.WaitFor(() => topology.HasVip("a") && !topology.HasVip("b"), StartLimit) is not null, $"a never sole master.\na: {a.Output}\nb: {b.Output}");

            // The bridge side stays up, so b keeps listening; a's own interface going down is FAULT (keepalived tracks it).
            Shell.Ip("-n", topology.Namespace("a"), "link", "set", "eth0", "down");
            var limit = VrrpTimers.MasterDownInterval(100, 100) + TimeSpan.FromMilliseconds(500);
            Assert.True(Shell.WaitFor(() => topology.HasVip("b"), limit) is not null, $"b did not take over.\nb: {b.Output}");
            Assert.True(Shell.WaitFor(() => a.Output.Contains("Entering FAULT STATE", StringComparison.Ordinal), TimeSpan.FromSeconds(2)) is not null, a.Output);

            Shell.Ip("-n", topology.Namespace("a"), "link", "set", "eth0", "up");
            Assert.True(Shell.WaitFor(() => topology.HasVip("a") && !topology.HasVip("b"), StartLimit) is not null, $"a did not come back from FAULT and preempt.\na: {a.Output}\nb: {b.Output}");
        }
        finally
        {
            a?.Dispose();
            b?.Dispose();
            dir.Delete(recursive: true);
        }
    }
}
