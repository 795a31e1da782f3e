using System.Net;

namespace Proxy.Runtime;

/// <summary>One endpoint a `bind` line opens, and the frontend whose traffic arrives there.</summary>
internal sealed record ListenerBinding(IPEndPoint Endpoint, FrontendState Frontend);
