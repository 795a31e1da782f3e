using Vrrp.FunctionalTests.Common;

namespace Vrrp.FunctionalTests;

/// <summary>
/// vrrp_script weight against real keepalived (the harness's sut_health): our node 101 + 2 = 103 beats keepalived's
/// 102 while its check succeeds; a failing check drops it to 101 and keepalived takes over; recovery preempts back.
/// The harness only fails the SUT's check, so the mirror (keepalived master with the failing check, our node as
/// backup) is tested here too.
/// </summary>
public class TrackScriptTests
{
    [RequiresRootFact(keepalived: true)]
    public void TrackScript_FailureAndRecovery_MovesTheVipAwayAndBack()
    {
        var dir = Directory.CreateTempSubdirectory("vrrp-ft-");
        using var topology = new NetnsTopology(("ka", "203.0.113.11"), ("us", "203.0.113.12"));
        NodeProcess? keepalived = null, us = null;
        var unhealthy = Path.Combine(dir.FullName, "unhealthy");
        try
        {
            keepalived = NodeProcess.Keepalived(topology.Namespace("ka"), KeepalivedConf.Write(dir.FullName, "ka", 102), dir.FullName);
            us = NodeProcess.Proxy(topology.Namespace("us"), KeepalivedConf.Write(dir.FullName, "us", 101, unhealthy));
            Assert.True(Shell.WaitFor(() => topology.HasVip("us") && !topology.HasVip("ka"), TimeSpan.FromSeconds(15)) is not null,
                $"our node (103) never sole master.\nus: {us.Output}\nkeepalived: {keepalived.Output}");

            File.WriteAllText(unhealthy, "");
            // Up to one check interval (1 s) + keepalived's Master_Down_Interval (3.6 s) + slack.
            Assert.True(Shell.WaitFor(() => topology.HasVip("ka") && !topology.HasVip("us"), TimeSpan.FromSeconds(8)) is not null,
                $"keepalived did not take over after our check failed.\nus: {us.Output}\nkeepalived: {keepalived.Output}");

            File.Delete(unhealthy);
            Assert.True(Shell.WaitFor(() => topology.HasVip("us") && !topology.HasVip("ka"), TimeSpan.FromSeconds(8)) is not null,
                $"we did not preempt back after recovery.\nus: {us.Output}\nkeepalived: {keepalived.Output}");
        }
        finally
        {
            us?.Dispose();
            keepalived?.Dispose();
            dir.Delete(recursive: true);
        }
    }

    [RequiresRootFact(keepalived: true)]
    public void TrackScript_KeepalivedMasterCheckFails_WeTakeOverAndYieldOnItsRecovery()
    {
        var dir = Directory.CreateTempSubdirectory("vrrp-ft-");
        using var topology = new NetnsTopology(("ka", "203.0.113.11"), ("us", "203.0.113.12"));
        NodeProcess? keepalived = null, us = null;
        var unhealthy = Path.Combine(dir.FullName, "unhealthy");
        try
        {
            // keepalived 101 + 2 = 103 over our 102 while its check succeeds.
            keepalived = NodeProcess.Keepalived(topology.Namespace("ka"), KeepalivedConf.Write(dir.FullName, "ka", 101, unhealthy), dir.FullName);
            us = NodeProcess.Proxy(topology.Namespace("us"), KeepalivedConf.Write(dir.FullName, "us", 102));
            Assert.True(Shell.WaitFor(() => topology.HasVip("ka") && !topology.HasVip("us"), TimeSpan.FromSeconds(15)) is not null,
                $"keepalived (103) never sole master.\nus: {us.Output}\nkeepalived: {keepalived.Output}");

            // keepalived now advertises 101 < 102: our backup discards those adverts (preempt) and takes over after
            // Master_Down_Interval (RFC 3768 §6.4.2); keepalived yields on our higher-priority adverts.
            File.WriteAllText(unhealthy, "");
            Assert.True(Shell.WaitFor(() => topology.HasVip("us") && !topology.HasVip("ka"), TimeSpan.FromSeconds(8)) is not null,
                $"we did not take over after keepalived's check failed.\nus: {us.Output}\nkeepalived: {keepalived.Output}");

            File.Delete(unhealthy);
            Assert.True(Shell.WaitFor(() => topology.HasVip("ka") && !topology.HasVip("us"), TimeSpan.FromSeconds(8)) is not null,
                $"we did not yield to keepalived's recovered 103.\nus: {us.Output}\nkeepalived: {keepalived.Output}");
        }
        finally
        {
            us?.Dispose();
            keepalived?.Dispose();
            dir.Delete(recursive: true);
        }
    }
}
