using ConfigParser.Model;

namespace Proxy.Http.Rules;

/// <summary>One proxy's compiled HTTP rules: `http-request`, `http-response`, and its `option forwardfor`.</summary>
internal sealed record HttpRuleSet(HttpRuleList Request, HttpRuleList Response, ForwardForOption? ForwardFor)
{
    public static HttpRuleSet Empty { get; } = new(HttpRuleList.Empty, HttpRuleList.Empty, null);
}
