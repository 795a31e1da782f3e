using System.Text.RegularExpressions;
using Vrrp.FunctionalTests.Common;

namespace Vrrp.FunctionalTests;

/// <summary>
/// vrrp_sync_group side by side with keepalived 2.2.7: one node, two instances on two links, the second link goes
/// down and comes back. The same state lines must appear in the same order (keepalived takes the whole group to
/// FAULT, then back to BACKUP, then both to MASTER).
/// </summary>
public partial class SyncGroupTests
{
    [RequiresRootFact(keepalived: true)]
    public void LinkDown_OneMember_WholeGroupFaultsAndRecovers_SameLinesAsKeepalived()
    {
        var expected = Run(keepalived: true);
        var actual = Run(keepalived: false);

        Assert.Contains("(A) Entering FAULT STATE", expected);
        Assert.Equal(string.Join('\n', expected), string.Join('\n', actual));
    }

    // Runs one node through: both MASTER, link d2 down (group in FAULT), link up (BACKUP, then MASTER again).
    private static List<string> Run(bool keepalived)
    {
        var ns = "vs" + Guid.NewGuid().ToString("N")[..6];
        var dir = Directory.CreateTempSubdirectory("vrrp-sg-");
        NodeProcess? node = null;
        Shell.Ip("netns", "add", ns);
        try
        {
            foreach (var (link, address) in new[] { ("1", "192.0.2.1/24"), ("2", "198.51.100.1/24") })
            {
                Shell.Ip("-n", ns, "link", "add", "d" + link, "type", "veth", "peer", "name", "p" + link);
                Shell.Ip("-n", ns, "addr", "add", address, "dev", "d" + link);
                Shell.Ip("-n", ns, "link", "set", "d" + link, "up");
                Shell.Ip("-n", ns, "link", "set", "p" + link, "up");
            }

            Shell.Ip("-n", ns, "link", "set", "lo", "up");
            var conf = Path.Combine(dir.FullName, "keepalived.conf");
            File.WriteAllText(conf, Config);
            node = keepalived ? NodeProcess.Keepalived(ns, conf, dir.FullName) : NodeProcess.Proxy(ns, conf);

            bool Vip(string address) => Shell.Run("ip", "-n", ns, "-br", "addr").Output.Contains(address, StringComparison.Ordinal);
            bool Both() => Vip("192.0.2.100/24") && Vip("198.51.100.100/24");
            Assert.True(Shell.WaitFor(Both, TimeSpan.FromSeconds(15)) is not null, node.Output);
            var mark = node.Output.Length;

            Shell.Ip("-n", ns, "link", "set", "d2", "down");
            Assert.True(Shell.WaitFor(() => !Vip("192.0.2.100/24") && node.Output.Contains("(A) Entering FAULT", StringComparison.Ordinal), TimeSpan.FromSeconds(5)) is not null,
                $"the other member must leave MASTER with the group.\n{node.Output}");
            Shell.Ip("-n", ns, "link", "set", "d2", "up");
            Assert.True(Shell.WaitFor(Both, TimeSpan.FromSeconds(15)) is not null, node.Output);
            // The second member follows the first through the group within the same pass.
            Shell.WaitFor(() => StateLines(node.Output[mark..]).Count(l => l.Contains("MASTER", StringComparison.Ordinal)) >= 3, TimeSpan.FromSeconds(3));
            return StateLines(node.Output[mark..]);
        }
        finally
        {
            node?.Dispose();
            Shell.Run("ip", "netns", "del", ns);
            dir.Delete(recursive: true);
        }
    }

    private static List<string> StateLines(string output)
        => [.. StateLine().Matches(output).Select(m => m.Value)];

    // "(A) Entering FAULT STATE", "(A) Receive advertisement timeout" and "VRRP_Group(G) Syncing instances to FAULT state", whatever the prefix.
    [GeneratedRegex(@"\(\w\) Entering \w+ STATE|\(\w\) Receive advertisement timeout|VRRP_Group\(G\) Syncing instances to \w+ state")]
    private static partial Regex StateLine();

    // A has the higher priority, so after the recovery it times out first and B follows it through the group.
    private const string Config = """
        global_defs {
          router_id sg
        }
        vrrp_sync_group G {
          group {
            A
            B
          }
        }
        vrrp_instance A {
          state BACKUP
          interface d1
          virtual_router_id 51
          priority 150
          advert_int 1
          virtual_ipaddress {
            192.0.2.100/24
          }
        }
        vrrp_instance B {
          state BACKUP
          interface d2
          virtual_router_id 52
          priority 100
          advert_int 1
          virtual_ipaddress {
            198.51.100.100/24
          }
        }
        """;
}
