namespace Proxy.FunctionalTests.Common;

/// <summary>A folder for one test's files, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("proxy-test-");

    public string Path => _directory.FullName;

    /// <summary>Writes <paramref name="text"/> to a file named <paramref name="name"/> here and returns its full path.</summary>
    public async Task<string> WriteAsync(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
