using System.Net;
using System.Net.Security;
using ConfigParser.Model;
using Yarp.ReverseProxy.Forwarder;

namespace Proxy.Http;

/// <summary>Builds the one connection pool and the forwarding settings each backend shares.</summary>
internal static class UpstreamClientFactory
{
    /// <param name="timeouts">The backend's timeouts.</param>
    /// <param name="tls">TLS to the backend's `ssl` servers (Proxy.Tls.ServerTls); null when none uses TLS.</param>
    public static HttpMessageInvoker CreateInvoker(ProxyTimeouts timeouts, SslClientAuthenticationOptions? tls = null) => new(new SocketsHttpHandler
    {
        SslOptions = tls ?? new SslClientAuthenticationOptions(),
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ActivityHeadersPropagator = null,
        EnableMultipleHttp2Connections = true,
        // haproxy 2.6: timeout connect bounds one connection attempt; unset means no limit.
        ConnectTimeout = timeouts.Connect ?? Timeout.InfiniteTimeSpan,
    }, disposeHandler: true);

    public static ForwarderRequestConfig CreateRequestConfig(ProxyTimeouts timeouts) => new()
    {
        // haproxy 2.6: timeout server is inactivity on the server side, including the wait for headers (504).
        ActivityTimeout = timeouts.Server ?? TimeSpan.FromDays(24),
        // HAProxy speaks HTTP/1.1 to servers unless told otherwise (proto h2).
        Version = HttpVersion.Version11,
        VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
    };

}
