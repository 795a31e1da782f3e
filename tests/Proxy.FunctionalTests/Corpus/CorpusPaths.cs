using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests.Corpus;

/// <summary>Where the shared configuration corpus and our list of known differences are.</summary>
internal static class CorpusPaths
{
    /// <summary>../shared/corpus next to the folder holding Proxy.sln; null when it is not there.</summary>
    public static string? Root { get; } = Find();

    /// <summary>tests/corpus-differences.tsv in the repository.</summary>
    public static string DifferencesFile => Path.Combine(RepoPaths.Root, "tests", "corpus-differences.tsv");

    /// <summary>The files of one corpus folder ("haproxy" or "keepalived"), by name, in byte order.</summary>
    public static IReadOnlyList<string> Files(string folder)
    {
        var path = Path.Combine(Root ?? throw new InvalidOperationException("corpus not found"), folder);
        return Directory.Exists(path)
            ? [.. Directory.GetFiles(path).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)]
            : [];
    }

    private static string? Find()
    {
        var candidate = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "corpus"));
        return Directory.Exists(Path.Combine(candidate, "haproxy")) ? candidate : null;
    }
}

/// <summary>Where the real keepalived is.</summary>
internal static class Keepalived
{
    public static string? Path { get; } = new[] { "/usr/sbin/keepalived", "/usr/local/sbin/keepalived", "/usr/bin/keepalived" }.FirstOrDefault(File.Exists);
}

/// <summary>
/// A fact that needs the corpus and haproxy. Outside CI it is skipped (with the reason) when either is missing;
/// with CI=true it always runs, so a missing corpus or haproxy fails instead of hiding as a skip.
/// </summary>
public sealed class RequiresCorpusFactAttribute : FactAttribute
{
    public RequiresCorpusFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            return;
        }

        if (CorpusPaths.Root is null)
        {
            Skip = "the configuration corpus (../shared/corpus next to the repository) is not there.";
        }
        else if (Haproxy.Path is null)
        {
            Skip = "haproxy is not installed (apt-get install haproxy); the README's test command installs it as root.";
        }
    }
}
