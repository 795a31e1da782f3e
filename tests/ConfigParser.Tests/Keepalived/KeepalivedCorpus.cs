namespace ConfigParser.Tests.Keepalived;

/// <summary>
/// Finds the shared keepalived corpus: walk up from the test assembly to the folder holding Proxy.sln, then
/// `../shared/corpus/keepalived`. Absent corpus: the tests skip, unless CI=true, when they fail.
/// </summary>
internal static class KeepalivedCorpus
{
    /// <summary>True when the environment says this is CI (then nothing may be skipped).</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The corpus folder, or null when it cannot be found.</summary>
    public static string? Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Proxy.sln")))
            {
                var corpus = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus", "keepalived"));
                return Directory.Exists(corpus) ? corpus : null;
            }
        }

        return null;
    }

    /// <summary>Every corpus file, sorted; empty when the corpus is absent (and fails the test under CI).</summary>
    public static string[] Files()
    {
        var folder = Folder();
        if (folder is null)
        {
            Assert.False(IsCi, "CI=true but ../shared/corpus/keepalived was not found");
            return [];
        }

        return [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal)];
    }
}
