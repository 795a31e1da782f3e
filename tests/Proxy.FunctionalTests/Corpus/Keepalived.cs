namespace Proxy.FunctionalTests.Corpus;

/// <summary>Where the real keepalived is.</summary>
internal static class Keepalived
{
    public static string? Path { get; } = new[] { "/usr/sbin/keepalived", "/usr/local/sbin/keepalived", "/usr/bin/keepalived" }.FirstOrDefault(File.Exists);
}
