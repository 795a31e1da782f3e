using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Conditions;

/// <summary>`or`/`||` between suites, and same-name `acl` lines: true at the first true part (none: false).</summary>
internal sealed class AnyPredicate(IRequestPredicate[] parts) : IRequestPredicate
{
    public bool Matches(HttpContext context)
    {
        foreach (var part in parts)
        {
            if (part.Matches(context))
            {
                return true;
            }
        }

        return false;
    }
}
