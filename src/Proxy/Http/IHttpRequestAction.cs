using Microsoft.AspNetCore.Http;

namespace Proxy.Http;

/// <summary>One prepared `http-request` or `http-response` action, ready for the data path (built once from the parsed model).</summary>
internal interface IHttpRequestAction
{
    /// <summary>Applies the action and says whether rule evaluation goes on.</summary>
    ValueTask<RuleOutcome> ApplyAsync(HttpContext context);
}
