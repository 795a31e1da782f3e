namespace ConfigParser.Tests.Corpus;

/// <summary>The shared corpus of real haproxy.cfg files: ../shared/corpus/haproxy next to the folder holding Proxy.sln.</summary>
internal static class CorpusFiles
{
    /// <summary>The corpus's haproxy folder, or null when it is not there.</summary>
    public static string? HaproxyFolder { get; } = Find();

    /// <summary>Every file of the haproxy corpus, full paths, in byte order of their names.</summary>
    public static IReadOnlyList<string> Haproxy()
        => HaproxyFolder is null ? [] : [.. Directory.GetFiles(HaproxyFolder).Order(StringComparer.Ordinal)];

    private static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Proxy.sln")))
            {
                var folder = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "corpus", "haproxy"));
                return Directory.Exists(folder) ? folder : null;
            }
        }

        return null;
    }
}
