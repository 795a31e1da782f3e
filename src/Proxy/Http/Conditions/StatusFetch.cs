using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Conditions;

/// <summary>`status`: the response's status code, for `http-response` conditions (haproxy 2.6 §7.3.6).</summary>
internal sealed class StatusFetch : IIntegerFetch
{
    public static StatusFetch Instance { get; } = new();

    public bool TryGet(HttpContext context, out long value)
    {
        value = context.Response.StatusCode;
        return true;
    }
}
