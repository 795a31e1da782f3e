namespace Vrrp.FunctionalTests.Common;

/// <summary>Writes the keepalived.conf both our nodes and real keepalived run in these tests (VRID 51, PASS "x").</summary>
internal static class KeepalivedConf
{
    public static string Write(string directory, string name, int priority)
    {
        var path = Path.Combine(directory, name + ".conf");
        File.WriteAllText(path, $$"""
            vrrp_instance VI_1 {
              interface eth0
              state BACKUP
              virtual_router_id 51
              priority {{priority}}
              advert_int 1
              authentication {
                auth_type PASS
                auth_pass x
              }
              virtual_ipaddress {
                {{NetnsTopology.Vip}}/24
              }
            }
            """);
        return path;
    }
}
