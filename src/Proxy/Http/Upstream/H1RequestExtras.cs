namespace Proxy.Http.Upstream;

/// <summary>
/// What the configuration adds to a forwarded request head: `option forwardfor` and `option originalto` headers
/// (null when not added) and `connection: close` for http-server-close/httpclose.
/// </summary>
internal readonly record struct H1RequestExtras(
    string? ForwardForName = null, string? ForwardForValue = null, string? OriginalToName = null, string? OriginalToValue = null, bool Close = false);
