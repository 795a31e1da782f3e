using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Conditions;

/// <summary>A boolean or integer read from the connection's TLS state; always present (0 on cleartext).</summary>
internal sealed class TlsIntegerFetch(Func<HttpContext, long> read) : IIntegerFetch
{
    public bool TryGet(HttpContext context, out long value)
    {
        value = read(context);
        return true;
    }
}
