namespace Vrrp.FunctionalTests.Common;

/// <summary>
/// Where ../shared/tools/vrrp-harness.sh lives (the shared folder sits beside the repository, in CI as here) and
/// the capture tools it drives.
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

        return Find("tcpdump") is null || Find("tshark") is null
            ? "the harness needs tcpdump and tshark (test.sh installs them as root)"
            : null;
    }
}
