namespace Proxy.FunctionalTests.Common;

/// <summary>
/// A fact that creates a network namespace (root) and runs Debian's haproxy. Outside CI it is skipped, with the
/// reason, when either is missing; with CI=true it always runs, so a missing piece fails instead of hiding.
/// </summary>
public sealed class RequiresRootAndHaproxyFactAttribute : FactAttribute
{
    public RequiresRootAndHaproxyFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            return;
        }

        if (!IsRoot())
        {
            Skip = "needs root: the test creates its own network namespace (run the suite as root).";
        }
        else if (Haproxy.Path is null)
        {
            Skip = "haproxy is not installed (apt-get install haproxy).";
        }
    }

    // Linux: the effective uid is the second number of /proc/self/status's Uid line.
    private static bool IsRoot()
        => File.Exists("/proc/self/status")
           && File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal))?
               .Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(2) == "0";
}
