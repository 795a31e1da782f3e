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
