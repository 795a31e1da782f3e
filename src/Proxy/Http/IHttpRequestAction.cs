using Microsoft.AspNetCore.Http;

namespace Proxy.Http;

/// <summary>One prepared `http-request` rule, ready for the data path (built once from the parsed model).</summary>
internal interface IHttpRequestAction
{
    /// <summary>Applies the rule; returns true when it produced the response and processing stops.</summary>
    ValueTask<bool> ApplyAsync(HttpContext context);
}
