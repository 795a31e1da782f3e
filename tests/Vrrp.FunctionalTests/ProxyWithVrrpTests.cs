using Vrrp.FunctionalTests.Common;

namespace Vrrp.FunctionalTests;

/// <summary>
/// `proxy -f haproxy.cfg -k keepalived.conf`: the frontend binds the VIP before this node holds it (IP_FREEBIND,
/// no ip_nonlocal_bind in the namespace), answers on it once master, and SIGTERM removes the VIP.
/// </summary>
public class ProxyWithVrrpTests
{
    [RequiresRootFact]
    public void ProxyAndVrrp_OneProcess_ListensOnVipBeforeHoldingItAndServesOnceMaster()
    {
        var dir = Directory.CreateTempSubdirectory("vrrp-ft-");
        using var topology = new NetnsTopology(("a", "203.0.113.11"));
        NodeProcess? node = null;
        try
        {
            var cfg = Path.Combine(dir.FullName, "haproxy.cfg");
            // The backend server is closed on purpose: our proxy's 503 proves who answered on the VIP.
            File.WriteAllText(cfg, $"""
                defaults
                  mode http
                  timeout client 5s
                  timeout server 5s
                  timeout connect 1s
                frontend fe
                  bind {NetnsTopology.Vip}:8080
                  default_backend be
                backend be
                  server s1 127.0.0.1:9

                """);
            node = NodeProcess.Proxy(topology.Namespace("a"), KeepalivedConf.Write(dir.FullName, "a", 100), "-f", cfg);
            var listening = Shell.WaitFor(() => Shell.Run("ip", "netns", "exec", topology.Namespace("a"), "ss", "-ltn").Output.Contains(NetnsTopology.Vip + ":8080", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
            Assert.True(listening is not null, $"no listener on the VIP.\n{node.Output}");
            Assert.False(topology.HasVip("a"), "the VIP should not be held yet (Master_Down_Interval 3.6 s)");

            Assert.True(Shell.WaitFor(() => topology.HasVip("a"), TimeSpan.FromSeconds(10)) is not null, node.Output);
            var status = Shell.Run("ip", "netns", "exec", topology.Namespace("a"), "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-m", "10", $"http://{NetnsTopology.Vip}:8080/").Output;
            Assert.Equal("503", status);

            node.Terminate();
            Assert.True(node.WaitForExit(TimeSpan.FromSeconds(5)), "no exit after SIGTERM");
            Assert.False(topology.HasVip("a"), "SIGTERM must remove the VIP");
        }
        finally
        {
            node?.Dispose();
            dir.Delete(recursive: true);
        }
    }
}
