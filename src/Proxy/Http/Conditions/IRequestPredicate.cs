using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Conditions;

/// <summary>A compiled ACL condition (haproxy 2.6 configuration.txt §7.2), evaluated once per request without lookups.</summary>
internal interface IRequestPredicate
{
    /// <summary>True when the condition holds for this request.</summary>
    bool Matches(HttpContext context);
}
