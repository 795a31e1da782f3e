using System.Net;

namespace Proxy.Runtime;

/// <summary>
/// One endpoint a `bind` line opens, the frontend whose traffic arrives there, its TLS (null: cleartext) and the
/// line's `maxconn` for this endpoint (null: none).
/// </summary>
internal sealed record ListenerBinding(IPEndPoint Endpoint, FrontendState Frontend, Tls.BindTls? Tls = null, ConnectionLimit? Limit = null);
