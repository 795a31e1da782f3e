namespace Proxy.FunctionalTests;

/// <summary>How a parity case varies its requests.</summary>
public enum BalanceKey
{
    /// <summary>Sequential requests, no key (round robin orders).</summary>
    None,

    /// <summary>The client's source address, over 127.0.0.0/8.</summary>
    Source,

    /// <summary>The request target.</summary>
    Uri,

    /// <summary>An `id` query parameter.</summary>
    UrlParam,

    /// <summary>An `X-Key` header.</summary>
    Header,

    /// <summary>The `Host` header, whose domain label varies.</summary>
    Host,
}
