namespace Proxy.Http;

/// <summary>What went wrong with one attempt to a server, in `retry-on`'s terms.</summary>
internal enum UpstreamFailure
{
    /// <summary>A failure `retry-on` has no word for (client side, mid-body): never retried.</summary>
    Other,

    /// <summary>The connection was refused or reset before it was established.</summary>
    ConnectRefused,

    /// <summary>`timeout connect` expired.</summary>
    ConnectTimeout,

    /// <summary>Connected, but the server closed before any response byte.</summary>
    EmptyResponse,

    /// <summary>The server sent something that is not a valid HTTP response.</summary>
    JunkResponse,

    /// <summary>`timeout server` expired before response headers.</summary>
    ResponseTimeout,
}
