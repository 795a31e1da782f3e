using System.Net;
using System.Net.Security;
using ConfigParser.Model;
using Proxy.Http.Upstream;
using Proxy.Tls;
using Yarp.ReverseProxy.Forwarder;

namespace Proxy.Http;

/// <summary>Builds the one connection pool and the forwarding settings each backend shares.</summary>
internal static class UpstreamClientFactory
{
    /// <param name="timeouts">The backend's timeouts.</param>
    /// <param name="time">The clock `timeout connect` runs on.</param>
    /// <param name="connect">How a connection to a server is made (tests replace it).</param>
    /// <param name="tls">TLS to the backend's `ssl` servers (Proxy.Tls.ServerTls); null when none uses TLS.</param>
    public static HttpMessageInvoker CreateInvoker(ProxyTimeouts timeouts, TimeProvider time, UpstreamConnect connect, BackendTls? tls = null)
    {
        // haproxy 2.6: timeout connect bounds one connection attempt (unset: no limit). The connector applies it on
        // the injected clock and reports refused and timed-out attempts apart, so they can be retried and flagged.
        // Both paths (YARP's pool and the HTTP/1.1 forwarder's) connect through it.
        var connector = new UpstreamConnector(Secure(connect, tls?.Connector), timeouts.Connect, time);
        var handler = new SocketsHttpHandler
        {
            SslOptions = tls?.Pool ?? new SslClientAuthenticationOptions(),
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ActivityHeadersPropagator = null,
            EnableMultipleHttp2Connections = true,
            ConnectCallback = connector.ConnectAsync,
        };
        return new UpstreamInvoker(handler, new H1Upstream(connector, time));
    }

    // Servers with a fixed SNI (or none) are addressed with http://; their TLS handshake follows the TCP connect and,
    // as in haproxy 2.6, counts as part of connecting (timeout connect, retry-on conn-failure).
    private static UpstreamConnect Secure(UpstreamConnect connect, ServerTlsConnector? tls)
        => tls is null ? connect : (endpoint, token) => tls.ConnectAsync(connect(endpoint, token), endpoint, token);

    public static ForwarderRequestConfig CreateRequestConfig(ProxyTimeouts timeouts) => new()
    {
        // haproxy 2.6: timeout server is inactivity on the server side, including the wait for headers (504).
        ActivityTimeout = timeouts.Server ?? TimeSpan.FromDays(24),
        // HAProxy speaks HTTP/1.1 to servers unless told otherwise (proto h2).
        Version = HttpVersion.Version11,
        VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
    };
}
