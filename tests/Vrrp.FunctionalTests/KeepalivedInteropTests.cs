using System.Diagnostics;
using System.Text.RegularExpressions;
using Vrrp.FunctionalTests.Common;

namespace Vrrp.FunctionalTests;

/// <summary>
/// Our node (priority 150) against real keepalived 2.2.7 (priority 100) in namespaces: keepalived accepts our
/// adverts and stays BACKUP, and takes over about Skew_Time after our priority-0 advert on SIGTERM.
/// </summary>
public class KeepalivedInteropTests
{
    // What keepalived logs when it refuses an advert (../shared/tools/vrrp-harness.sh REF_ERRORS).
    private static readonly Regex Refusals = new("[Ii]nvalid|wrong version|mismatch|not present in MASTER advert|auth, expecting|[Cc]hecksum");

    [RequiresRootFact(keepalived: true)]
    public void Keepalived_AsBackup_AcceptsOurAdvertsThenTakesOverOnOurPriorityZero()
    {
        var dir = Directory.CreateTempSubdirectory("vrrp-ft-");
        using var topology = new NetnsTopology(("ka", "203.0.113.11"), ("us", "203.0.113.12"));
        NodeProcess? keepalived = null, us = null;
        try
        {
            us = NodeProcess.Proxy(topology.Namespace("us"), KeepalivedConf.Write(dir.FullName, "us", 150));
            Assert.True(Shell.WaitFor(() => topology.HasVip("us"), TimeSpan.FromSeconds(15)) is not null, $"our node never became master.\n{us.Output}");

            keepalived = NodeProcess.Keepalived(topology.Namespace("ka"), KeepalivedConf.Write(dir.FullName, "ka", 100), dir.FullName);
            Assert.True(Shell.WaitFor(() => keepalived.Output.Contains("Entering BACKUP STATE", StringComparison.Ordinal), TimeSpan.FromSeconds(10)) is not null, keepalived.Output);
            // Longer than keepalived's Master_Down_Interval (3.6 s): had it refused our adverts it would be master now.
            Thread.Sleep(5000);
            Assert.DoesNotMatch(Refusals, keepalived.Output);
            Assert.DoesNotContain("Entering MASTER STATE", keepalived.Output, StringComparison.Ordinal);
            Assert.True(topology.HasVip("us") && !topology.HasVip("ka"));

            var clock = Stopwatch.StartNew();
            us.Terminate();
            var took = Shell.WaitFor(() => topology.HasVip("ka") && !topology.HasVip("us"), TimeSpan.FromSeconds(1.5), clock);
            Assert.True(took is not null, $"keepalived did not take over within 1.5 s.\nkeepalived: {keepalived.Output}\nus: {us.Output}");
            Assert.Contains("received priority 0", keepalived.Output, StringComparison.Ordinal);
        }
        finally
        {
            us?.Dispose();
            keepalived?.Dispose();
            dir.Delete(recursive: true);
        }
    }

    [RequiresRootFact(keepalived: true)]
    public void Keepalived_AsMaster_OurBackupAcceptsItsAdvertsAndTakesOverOnItsSigterm()
    {
        var dir = Directory.CreateTempSubdirectory("vrrp-ft-");
        using var topology = new NetnsTopology(("ka", "203.0.113.11"), ("us", "203.0.113.12"));
        NodeProcess? keepalived = null, us = null;
        try
        {
            keepalived = NodeProcess.Keepalived(topology.Namespace("ka"), KeepalivedConf.Write(dir.FullName, "ka", 150), dir.FullName);
            us = NodeProcess.Proxy(topology.Namespace("us"), KeepalivedConf.Write(dir.FullName, "us", 100));
            Assert.True(Shell.WaitFor(() => topology.HasVip("ka"), TimeSpan.FromSeconds(15)) is not null, keepalived.Output);
            Thread.Sleep(5000);
            Assert.False(topology.HasVip("us"), $"our backup took the VIP from a higher-priority keepalived master.\n{us.Output}");
            Assert.DoesNotContain("dropped", us.Output, StringComparison.Ordinal);

            keepalived.Terminate();
            var took = Shell.WaitFor(() => topology.HasVip("us"), TimeSpan.FromSeconds(1.5));
            Assert.True(took is not null, $"we did not take over after keepalived's SIGTERM.\nus: {us.Output}\nkeepalived: {keepalived.Output}");
        }
        finally
        {
            us?.Dispose();
            keepalived?.Dispose();
            dir.Delete(recursive: true);
        }
    }
}
