using Microsoft.AspNetCore.Http;
using Proxy.Http.Conditions;

namespace Proxy.Http.Rules;

/// <summary>
/// One proxy's `http-request` (or `http-response`) rules in declaration order, each with its compiled condition
/// (haproxy 2.6 configuration.txt §4.2: a rule applies when its condition holds; `allow` ends the list, a final
/// action ends processing).
/// </summary>
internal sealed class HttpRuleList
{
    public static HttpRuleList Empty { get; } = new([]);

    private readonly (IRequestPredicate? Condition, IHttpRequestAction Action)[] _rules;

    public HttpRuleList(IReadOnlyList<(IRequestPredicate? Condition, IHttpRequestAction Action)> rules) => _rules = [.. rules];

    public int Count => _rules.Length;

    /// <summary>Runs the rules; true when one of them produced the response.</summary>
    public async ValueTask<bool> RunAsync(HttpContext context)
    {
        foreach (var (condition, action) in _rules)
        {
            if (condition is not null && !condition.Matches(context))
            {
                continue;
            }

            switch (await action.ApplyAsync(context))
            {
                case RuleOutcome.Stop:
                    return false;
                case RuleOutcome.Responded:
                    return true;
            }
        }

        return false;
    }
}
