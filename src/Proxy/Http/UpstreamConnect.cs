using System.Net;

namespace Proxy.Http;

/// <summary>Opens a TCP stream to a server (the network seam: tests substitute one that never answers).</summary>
internal delegate ValueTask<Stream> UpstreamConnect(DnsEndPoint endpoint, CancellationToken cancellationToken);
