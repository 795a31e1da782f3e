using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Conditions;

/// <summary>Terms side by side (implicit AND): false at the first false term.</summary>
internal sealed class AllPredicate(IRequestPredicate[] terms) : IRequestPredicate
{
    public bool Matches(HttpContext context)
    {
        foreach (var term in terms)
        {
            if (!term.Matches(context))
            {
                return false;
            }
        }

        return true;
    }
}
