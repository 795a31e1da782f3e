using System.Net.Security;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Proxy.Tls;

/// <summary>
/// The TLS side of one `bind … ssl` line, fixed at load: the ready handshake options per SNI name, and the HTTP
/// versions ALPN may pick. Connection-level: nothing in it depends on HTTP, so a mode tcp listener can use the same
/// object in front of its own handler later.
/// </summary>
internal sealed class BindTls(SniMap<SslServerAuthenticationOptions> certificates, HttpProtocols protocols, ClientCertificatePolicy? clientPolicy)
{
    /// <summary>Handshake options per SNI name; the default is the first certificate unless strict-sni.</summary>
    public SniMap<SslServerAuthenticationOptions> Certificates { get; } = certificates;

    /// <summary>HTTP/2 only when `alpn` lists h2 (haproxy 2.6 advertises no ALPN unless configured).</summary>
    public HttpProtocols Protocols { get; } = protocols;

    /// <summary>`ca-file` + `verify`, or null when client certificates are not asked for.</summary>
    public ClientCertificatePolicy? ClientPolicy { get; } = clientPolicy;

    /// <summary>The options for a handshake naming <paramref name="serverName"/>; throws to abort under strict-sni.</summary>
    public SslServerAuthenticationOptions Select(string? serverName)
        => Certificates.Find(serverName)
            ?? throw new System.Security.Authentication.AuthenticationException($"no certificate for SNI '{serverName}' and strict-sni is set");
}
