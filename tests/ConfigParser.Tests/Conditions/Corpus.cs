namespace ConfigParser.Tests.Conditions;

/// <summary>Where the shared corpus of real-world haproxy.cfg files is, found by walking up to Proxy.sln.</summary>
internal static class Corpus
{
    /// <summary>The corpus folder, or null when it is not there.</summary>
    public static string? Folder { get; } = Find();

    /// <summary>The folder, or an exception explaining that the corpus is required (CI=true).</summary>
    public static string Require() => Folder ?? throw new InvalidOperationException("CI=true but ../shared/corpus/haproxy was not found beside the repository");

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Proxy.sln")))
            {
                var corpus = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus", "haproxy"));
                return Directory.Exists(corpus) ? corpus : null;
            }
        }

        return null;
    }
}
