namespace ConfigParser.Tests.Conditions;

/// <summary>
/// A fact that reads the shared haproxy corpus (../shared/corpus/haproxy next to the folder holding Proxy.sln).
/// Outside CI it is skipped when the corpus is absent; with CI=true it always runs, so a missing corpus fails.
/// </summary>
public sealed class RequiresCorpusFactAttribute : FactAttribute
{
    /// <summary>Skips when the corpus is missing, unless CI=true.</summary>
    public RequiresCorpusFactAttribute()
    {
        if (Corpus.Folder is null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "the haproxy corpus (../shared/corpus/haproxy beside the repository) is not present.";
        }
    }
}
