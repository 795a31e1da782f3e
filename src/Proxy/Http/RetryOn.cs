namespace Proxy.Http;

/// <summary>
/// The failures `retry-on` allows retrying (haproxy 2.6 configuration.txt `retry-on`). Status codes are kept
/// apart, in <see cref="RetryPolicy"/>.
/// </summary>
[Flags]
internal enum RetryOn
{
    None = 0,

    /// <summary>`conn-failure`: the connection failed and nothing of the request left.</summary>
    ConnFailure = 1,

    /// <summary>`empty-response`: the server closed without sending a byte of response.</summary>
    EmptyResponse = 2,

    /// <summary>`junk-response`: the server answered something that is not a valid response.</summary>
    JunkResponse = 4,

    /// <summary>`response-timeout`: `timeout server` expired before response headers.</summary>
    ResponseTimeout = 8,

    /// <summary>`0rtt-rejected`: TLS early data refused (no TLS to servers here; accepted, never matches).</summary>
    ZeroRttRejected = 16,
}
