using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Conditions;

/// <summary>One ACL line over a text fetch.</summary>
internal sealed class StringCriterion(IStringFetch fetch, IStringMatch match) : IRequestPredicate
{
    public bool Matches(HttpContext context) => fetch.AnyMatches(context, match);
}
