using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using Proxy.Http;

namespace Proxy.Tls;

/// <summary>
/// The TLS handshake to `ssl` servers whose SNI does not follow the request (none, or `sni str(…)`): such servers are
/// addressed with http:// and the handshake is made here, on the connection SocketsHttpHandler's ConnectCallback
/// opened (inside `timeout connect`), with the server's own settings (SNI, verification, client certificate). Servers are found by the address
/// the request was sent to; a server without a port (the client's port is used) matches any port.
/// </summary>
internal sealed class ServerTlsConnector(IReadOnlyList<(string Host, int? Port, SslClientAuthenticationOptions Options)> servers)
{
    /// <summary>The options for a connection to <paramref name="endpoint"/>; null when no connect-time TLS server is there.</summary>
    public SslClientAuthenticationOptions? Find(DnsEndPoint endpoint)
    {
        var host = endpoint.Host.Trim('[', ']');
        foreach (var (serverHost, port, options) in servers)
        {
            if ((port is null || port == endpoint.Port) && string.Equals(serverHost.Trim('[', ']'), host, StringComparison.OrdinalIgnoreCase))
            {
                return options;
            }
        }

        return null;
    }

    /// <summary>Waits for <paramref name="connecting"/>, then makes the TLS handshake when the endpoint is a TLS server.</summary>
    public async ValueTask<Stream> ConnectAsync(ValueTask<Stream> connecting, DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var stream = await connecting;
        if (Find(endpoint) is not { } options)
        {
            return stream;
        }

        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsClientAsync(options, cancellationToken);
            return tls;
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            // haproxy 2.6: a failed handshake is a failed connection (SC, 503; retried under retry-on conn-failure).
            await tls.DisposeAsync();
            throw new UpstreamConnectException(timedOut: false, e);
        }
        catch
        {
            await tls.DisposeAsync();
            throw;
        }
    }
}
