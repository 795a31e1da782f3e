using System.Net.Security;

namespace Proxy.Tls;

/// <summary>
/// TLS to a backend's `ssl` servers, split by where the handshake is made: <paramref name="Pool"/> for servers whose
/// SNI is the request's Host header (SocketsHttpHandler's own TLS, which keys connections by it), and
/// <paramref name="Connector"/> for the others, whose SNI is fixed per server and so are shaken hands with at connect.
/// </summary>
/// <param name="Pool">The handler's SslOptions; null when no server sends the Host header as SNI.</param>
/// <param name="Connector">Connect-time TLS per server; null when every `ssl` server uses the pool's TLS.</param>
internal sealed record BackendTls(SslClientAuthenticationOptions? Pool, ServerTlsConnector? Connector);
