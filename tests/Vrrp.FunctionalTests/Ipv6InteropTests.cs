using System.Diagnostics;
using Vrrp.FunctionalTests.Common;

namespace Vrrp.FunctionalTests;

/// <summary>
/// VRRPv3 over IPv6 (advert_int 0.5) against keepalived 2.2.7: keepalived stays BACKUP under our adverts (so it
/// accepts the v3 checksum with the IPv6 pseudo-header and our hop limit) and takes over on our priority 0.
/// </summary>
public class Ipv6InteropTests
{
    private const string Vip6 = "2001:db8::100";

    private static string Conf(string directory, string name, int priority)
    {
        var path = Path.Combine(directory, name + ".conf");
        File.WriteAllText(path, $$"""
            vrrp_instance VI_6 {
              interface eth0
              version 3
              virtual_router_id 52
              priority {{priority}}
              advert_int 0.5
              virtual_ipaddress {
                {{Vip6}}/64
              }
            }
            """);
        return path;
    }

    private static bool Has(NetnsTopology topology, string node)
        => Shell.Run("ip", "-n", topology.Namespace(node), "-br", "addr", "show", "dev", "eth0").Output.Contains(Vip6 + "/64", StringComparison.Ordinal);

    [RequiresRootFact(keepalived: true)]
    public void Keepalived_Ipv6Backup_AcceptsOurV3AdvertsAndTakesOverOnPriorityZero()
    {
        var dir = Directory.CreateTempSubdirectory("vrrp-ft-");
        using var topology = new NetnsTopology(("ka", "203.0.113.11"), ("us", "203.0.113.12"));
        NodeProcess? keepalived = null, us = null;
        try
        {
            // Link-local addresses come after DAD (about 1-2 s after link up).
            Assert.True(Shell.WaitFor(() => Shell.Run("ip", "-n", topology.Namespace("us"), "-6", "addr", "show", "dev", "eth0", "scope", "link").Output.Contains("fe80", StringComparison.Ordinal)
                                            && !Shell.Run("ip", "-n", topology.Namespace("us"), "-6", "addr", "show", "dev", "eth0").Output.Contains("tentative", StringComparison.Ordinal), TimeSpan.FromSeconds(10)) is not null);
            us = NodeProcess.Proxy(topology.Namespace("us"), Conf(dir.FullName, "us", 150));
            Assert.True(Shell.WaitFor(() => Has(topology, "us"), TimeSpan.FromSeconds(10)) is not null, us.Output);
            keepalived = NodeProcess.Keepalived(topology.Namespace("ka"), Conf(dir.FullName, "ka", 100), dir.FullName);
            Assert.True(Shell.WaitFor(() => keepalived.Output.Contains("Entering BACKUP STATE", StringComparison.Ordinal), TimeSpan.FromSeconds(10)) is not null, keepalived.Output);
            Thread.Sleep(3000); // keepalived's Master_Down_Interval here is 1.8 s
            Assert.DoesNotContain("Entering MASTER STATE", keepalived.Output, StringComparison.Ordinal);
            Assert.False(Has(topology, "ka"));

            var clock = Stopwatch.StartNew();
            us.Terminate();
            Assert.True(Shell.WaitFor(() => Has(topology, "ka") && !Has(topology, "us"), TimeSpan.FromSeconds(1), clock) is not null,
                $"keepalived did not take over within 1 s.\nkeepalived: {keepalived.Output}\nus: {us.Output}");
        }
        finally
        {
            us?.Dispose();
            keepalived?.Dispose();
            dir.Delete(recursive: true);
        }
    }
}
