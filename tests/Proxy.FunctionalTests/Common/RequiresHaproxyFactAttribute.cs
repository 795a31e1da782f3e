namespace Proxy.FunctionalTests.Common;

/// <summary>
/// A fact that needs Debian's haproxy on PATH. Outside CI it is skipped (with the reason) when haproxy is
/// missing; with CI=true it always runs, so a missing haproxy fails instead of hiding as a skip.
/// </summary>
public sealed class RequiresHaproxyFactAttribute : FactAttribute
{
    public RequiresHaproxyFactAttribute()
    {
        if (Haproxy.Path is null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "haproxy is not installed (apt-get install haproxy); the README's test command installs it as root.";
        }
    }
}

/// <summary>The theory form of <see cref="RequiresHaproxyFactAttribute"/>.</summary>
public sealed class RequiresHaproxyTheoryAttribute : TheoryAttribute
{
    public RequiresHaproxyTheoryAttribute()
    {
        if (Haproxy.Path is null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "haproxy is not installed (apt-get install haproxy); the README's test command installs it as root.";
        }
    }
}

/// <summary>Where the real haproxy is.</summary>
internal static class Haproxy
{
    public static string? Path { get; } = new[] { "/usr/sbin/haproxy", "/usr/local/sbin/haproxy", "/usr/bin/haproxy" }.FirstOrDefault(File.Exists);

    public static string Require() => Path ?? throw new InvalidOperationException("haproxy is required (CI=true) but not installed");
}
