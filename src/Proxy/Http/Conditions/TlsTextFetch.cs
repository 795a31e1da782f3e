using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Conditions;

/// <summary>A text sample read from the connection's TLS state; absent (no match) on cleartext.</summary>
internal sealed class TlsTextFetch(Func<HttpContext, string?> read) : IStringFetch
{
    public bool AnyMatches(HttpContext context, IStringMatch match) => read(context) is { } value && match.Matches(value);
}
