using ConfigParser.Model;

namespace Proxy.Http.Rules;

/// <summary>
/// `option http-keep-alive` (the default), `option http-server-close`, `option httpclose` (haproxy 2.6
/// configuration.txt §4.2). In a proxy the last of the three wins; how a frontend's and its backend's combine is in
/// FrontendState (measured against haproxy 2.6.12: a backend's httpclose only closes the server side).
/// </summary>
internal enum HttpConnectionMode
{
    /// <summary>Both connections stay open between requests.</summary>
    KeepAlive,

    /// <summary>The server connection is closed after each response (the server is sent `Connection: close`).</summary>
    ServerClose,

    /// <summary>Both connections are closed after each response (`Connection: close` to the server, and to the client when set on the frontend).</summary>
    Close,
}

/// <summary>Reads the mode from a proxy's options.</summary>
internal static class HttpConnectionModes
{
    /// <summary>The mode the proxy's last enabled connection option sets.</summary>
    public static HttpConnectionMode Of(IReadOnlyList<ProxyOption> options)
    {
        for (var i = options.Count - 1; i >= 0; i--)
        {
            if (options[i] is { Enabled: true, Name: "httpclose" or "http-server-close" or "http-keep-alive" } option)
            {
                return option.Name switch
                {
                    "httpclose" => HttpConnectionMode.Close,
                    "http-server-close" => HttpConnectionMode.ServerClose,
                    _ => HttpConnectionMode.KeepAlive,
                };
            }
        }

        return HttpConnectionMode.KeepAlive;
    }
}
