using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests.Corpus;

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
