using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Conditions;

/// <summary>
/// A text sample fetch. An ACL tries every value a fetch yields (haproxy 2.6 §7.1: "hdr" without occurrence tests each
/// one), so the fetch drives the match and stops at the first value that matches.
/// </summary>
internal interface IStringFetch
{
    /// <summary>True when any value of the sample, after the converters, satisfies <paramref name="match"/>.</summary>
    bool AnyMatches(HttpContext context, IStringMatch match);
}
