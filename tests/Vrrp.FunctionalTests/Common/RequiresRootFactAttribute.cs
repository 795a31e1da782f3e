namespace Vrrp.FunctionalTests.Common;

/// <summary>
/// A fact that needs root (network namespaces, raw sockets) and the `ip` tool, and optionally keepalived; skipped
/// with the reason otherwise (under CI=true a skip counts as a failure, per the project's rules). With
/// <c>harness</c> it also needs ../shared/tools/vrrp-harness.sh and the tcpdump and tshark it drives.
/// </summary>
public sealed class RequiresRootFactAttribute : FactAttribute
{
    public RequiresRootFactAttribute(bool keepalived = false, bool harness = false)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Skip = "needs root: creates network namespaces and raw sockets";
        }
        else if (!File.Exists("/usr/sbin/ip") && !File.Exists("/sbin/ip") && !File.Exists("/usr/bin/ip"))
        {
            Skip = "needs iproute2's ip";
        }
        else if (keepalived && !File.Exists("/usr/sbin/keepalived"))
        {
            Skip = "needs keepalived 2.2.7 (/usr/sbin/keepalived)";
        }
        else if (harness)
        {
            Skip = SharedHarness.Missing();
        }
    }
}
