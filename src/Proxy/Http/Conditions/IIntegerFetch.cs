using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Conditions;

/// <summary>A fetch whose sample is an integer or a boolean (`hdr_cnt`, `src_port`, `ssl_fc`…).</summary>
internal interface IIntegerFetch
{
    /// <summary>False when the sample does not exist.</summary>
    bool TryGet(HttpContext context, out long value);
}
