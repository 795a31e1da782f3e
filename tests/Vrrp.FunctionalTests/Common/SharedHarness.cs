namespace Vrrp.FunctionalTests.Common;

/// <summary>
/// Where ../shared/tools/vrrp-harness.sh lives (the shared folder sits beside the repository, in CI as here) and
/// the tools it drives.
/// </summary>
internal static class SharedHarness
{
    /// <summary>The directory holding Proxy.sln, found upwards from the test assembly.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Proxy.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"no Proxy.sln above {AppContext.BaseDirectory}");
        }
    }

    public static string Script => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "tools", "vrrp-harness.sh"));

    /// <summary>The SUT adapter: turns the harness's environment into a keepalived.conf for `proxy -k`.</summary>
    public static string Adapter => Path.Combine(RepositoryRoot, "tests", "Vrrp.FunctionalTests", "harness-sut.sh");

    /// <summary>The full path of <paramref name="tool"/> on PATH (or /usr/sbin, /usr/bin), or null.</summary>
    public static string? Find(string tool)
        => (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':')
            .Concat(["/usr/sbin", "/usr/bin"])
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);

    /// <summary>Why the harness cannot run here, or null when it can.</summary>
    public static string? Missing()
    {
        if (!File.Exists(Script))
        {
            return $"the shared harness is absent: {Script} (CI checks out shared/ beside the repository)";
        }

        // tcpdump and tshark check the captures; python3 serves HTTP on the VIP and curl fetches it.
        var missing = new[] { "tcpdump", "tshark", "python3", "curl" }.Where(tool => Find(tool) is null).ToList();
        return missing.Count == 0 ? null : $"the harness needs {string.Join(", ", missing)} (test.sh installs them as root)";
    }
}
