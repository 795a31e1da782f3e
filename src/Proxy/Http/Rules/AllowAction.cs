using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Rules;

/// <summary>`allow`: the remaining rules of the same list are skipped; processing goes on (haproxy 2.6 §4.2).</summary>
internal sealed class AllowAction : IHttpRequestAction
{
    public static AllowAction Instance { get; } = new();

    public ValueTask<RuleOutcome> ApplyAsync(HttpContext context) => ValueTask.FromResult(RuleOutcome.Stop);
}
