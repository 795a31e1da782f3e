using ConfigParser.Model;

namespace Proxy.Http.Rules;

/// <summary>
/// One proxy's compiled HTTP rules: `http-request`, `http-response`, its `option forwardfor` / `option originalto`
/// and its connection mode.
/// </summary>
internal sealed record HttpRuleSet(HttpRuleList Request, HttpRuleList Response, ForwardForOption? ForwardFor, HttpConnectionMode Mode = HttpConnectionMode.KeepAlive)
{
    /// <summary>`option originalto`; null when unset.</summary>
    public ForwardForOption? OriginalTo { get; init; }

    public static HttpRuleSet Empty { get; } = new(HttpRuleList.Empty, HttpRuleList.Empty, null);
}
