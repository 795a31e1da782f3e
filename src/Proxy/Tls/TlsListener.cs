using System.Net.Security;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Proxy.Tls;

/// <summary>
/// Puts a <see cref="BindTls"/> on a Kestrel endpoint as connection middleware: the handshake picks the prepared
/// options by SNI (no per-connection allocation besides the handshake itself). A TCP-mode handler can sit behind
/// the same middleware later.
/// </summary>
internal static class TlsListener
{
    public static void Configure(ListenOptions endpoint, BindTls tls, TimeSpan handshakeTimeout)
    {
        endpoint.Protocols = tls.Protocols;
        endpoint.UseHttps(new TlsHandshakeCallbackOptions
        {
            OnConnection = static context => ValueTask.FromResult(((BindTls)context.State!).Select(context.ClientHelloInfo.ServerName)),
            OnConnectionState = tls,
            // haproxy 2.6: the handshake counts against timeout client (or http-request before the first request).
            HandshakeTimeout = handshakeTimeout > TimeSpan.Zero ? handshakeTimeout : Timeout.InfiniteTimeSpan,
        });
        if (tls.ClientPolicy is { } policy)
        {
            // ssl_c_verify re-checks the presented certificate against the bind's CA file: the policy rides on the connection.
            endpoint.Use(next => connection =>
            {
                connection.Features.Set(policy);
                return next(connection);
            });
        }
    }
}
