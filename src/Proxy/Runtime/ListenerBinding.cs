using System.Net;

namespace Proxy.Runtime;

/// <summary>One endpoint a `bind` line opens, the frontend whose traffic arrives there, and its TLS (null: cleartext).</summary>
internal sealed record ListenerBinding(IPEndPoint Endpoint, FrontendState Frontend, Tls.BindTls? Tls = null);
