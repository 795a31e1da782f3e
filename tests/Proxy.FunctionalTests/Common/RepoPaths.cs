namespace Proxy.FunctionalTests.Common;

/// <summary>Finds files of the repository from the test assembly's folder.</summary>
internal static class RepoPaths
{
    /// <summary>The folder holding Proxy.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The `proxy` entry assembly copied next to the tests (run with `dotnet`).</summary>
    public static string ProxyDll => Path.Combine(AppContext.BaseDirectory, "proxy.dll");

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Proxy.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Proxy.sln not found above " + AppContext.BaseDirectory);
    }
}
