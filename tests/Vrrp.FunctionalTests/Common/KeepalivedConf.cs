namespace Vrrp.FunctionalTests.Common;

/// <summary>Writes the keepalived.conf both our nodes and real keepalived run in these tests (VRID 51, PASS "x").</summary>
internal static class KeepalivedConf
{
    /// <param name="directory">Where to write NAME.conf.</param>
    /// <param name="name">The node name.</param>
    /// <param name="priority">Base priority.</param>
    /// <param name="healthFile">With a value: a vrrp_script (interval 1, weight 2) that succeeds while this file is absent.</param>
    /// <param name="extra">More vrrp_instance lines (unicast, notify, state…).</param>
    public static string Write(string directory, string name, int priority, string? healthFile = null, string extra = "")
    {
        var path = Path.Combine(directory, name + ".conf");
        var check = Path.Combine(directory, name + "-health.sh");
        if (healthFile is not null && !OperatingSystem.IsWindows())
        {
            File.WriteAllText(check, $"#!/bin/sh\n[ ! -e {healthFile} ]\n");
            File.SetUnixFileMode(check, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        var script = healthFile is null ? "" : $$"""
            global_defs {
              script_user root
              enable_script_security
            }
            vrrp_script chk {
              script "{{check}}"
              interval 1
              weight 2
            }

            """;
        var track = healthFile is null ? "" : "  track_script {\n    chk\n  }\n";
        File.WriteAllText(path, script + $$"""
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
            {{track}}{{extra}}
            }
            """);
        return path;
    }
}
