using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Conditions;

/// <summary>`!acl`, and a rule's `unless`.</summary>
internal sealed class NotPredicate(IRequestPredicate inner) : IRequestPredicate
{
    public bool Matches(HttpContext context) => !inner.Matches(context);
}
