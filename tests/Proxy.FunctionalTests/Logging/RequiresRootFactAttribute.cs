namespace Proxy.FunctionalTests.Logging;

/// <summary>A fact that needs root (mount namespaces); skipped, saying why, for other users.</summary>
public sealed class RequiresRootFactAttribute : FactAttribute
{
    public RequiresRootFactAttribute()
    {
        if (Environment.UserName != "root")
        {
            Skip = "needs root: unshare -m and mount";
        }
    }
}
