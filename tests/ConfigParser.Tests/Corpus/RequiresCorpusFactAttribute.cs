namespace ConfigParser.Tests.Corpus;

/// <summary>
/// A fact that needs the corpus. Outside CI it is skipped (with the reason) when the corpus is not there; with
/// CI=true it always runs, so a missing corpus fails instead of hiding as a skip.
/// </summary>
public sealed class RequiresCorpusFactAttribute : FactAttribute
{
    public RequiresCorpusFactAttribute()
    {
        if (CorpusFiles.HaproxyFolder is null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "the configuration corpus (../shared/corpus next to the repository) is not there.";
        }
    }
}
