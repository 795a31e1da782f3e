namespace Proxy.Http.Upstream;

/// <summary>What parsing a server's response head found.</summary>
internal enum H1ParseResult
{
    /// <summary>The head is not complete yet: read more.</summary>
    Incomplete,

    /// <summary>A complete, valid head.</summary>
    Complete,

    /// <summary>Not a valid HTTP/1 response head (haproxy 2.6: 502, PH).</summary>
    Invalid,

    /// <summary>The head does not fit in haproxy's buffer (haproxy 2.6: 502, PH).</summary>
    TooLarge,
}
