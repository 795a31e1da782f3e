using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Conditions;

/// <summary>`hdr_cnt(name)` / `req.hdr_cnt(name)`: how many comma-separated values; `req.fhdr_cnt`: how many lines.</summary>
internal sealed class HeaderCountFetch(string name, bool splitCommas) : IIntegerFetch
{
    public bool TryGet(HttpContext context, out long value)
    {
        value = HeaderValues.Count(context.Request.Headers[name], splitCommas);
        return true;
    }
}
