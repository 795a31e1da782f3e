using Microsoft.AspNetCore.Http;
using Proxy.Http.Conditions;

namespace Proxy.Http.Rules;

/// <summary>
/// One proxy's `http-request` (or `http-response`) rules in declaration order, each with its compiled condition
/// (haproxy 2.6 configuration.txt §4.2: a rule applies when its condition holds; `allow` ends the list, a final
/// action ends processing). A list may be followed by another that runs even after an `allow`: the proxy's `redirect`
/// rules come after its `http-request` rules that way (haproxy 2.6 src/http_ana.c http_process_req_common).
/// </summary>
internal sealed class HttpRuleList
{
    public static HttpRuleList Empty { get; } = new([]);

    private readonly (IRequestPredicate? Condition, IHttpRequestAction Action)[] _rules;

    private readonly HttpRuleList? _then;

    public HttpRuleList(IReadOnlyList<(IRequestPredicate? Condition, IHttpRequestAction Action)> rules, HttpRuleList? then = null)
    {
        _rules = [.. rules];
        _then = then is { Count: > 0 } ? then : null;
    }

    public int Count => _rules.Length + (_then?.Count ?? 0);

    /// <summary>Runs the rules; true when one of them produced the response.</summary>
    public async ValueTask<bool> RunAsync(HttpContext context)
    {
        foreach (var (condition, action) in _rules)
        {
            if (condition is not null && !condition.Matches(context))
            {
                continue;
            }

            var outcome = await action.ApplyAsync(context);
            if (outcome == RuleOutcome.Responded)
            {
                return true;
            }

            if (outcome == RuleOutcome.Stop)
            {
                break;
            }
        }

        return _then is not null && await _then.RunAsync(context);
    }
}
