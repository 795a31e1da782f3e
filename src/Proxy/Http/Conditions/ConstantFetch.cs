using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Conditions;

/// <summary>
/// Fetches whose value is fixed for this proxy: `always_true`, `always_false`; `req.proto_http` (every request this
/// runtime evaluates is HTTP); `wait_end` (use_backend rules run with the final sample, so it is true).
/// </summary>
internal sealed class ConstantFetch(long value) : IIntegerFetch
{
    public bool TryGet(HttpContext context, out long result)
    {
        result = value;
        return true;
    }
}
