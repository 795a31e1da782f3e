namespace Proxy.Http.Upstream;

/// <summary>
/// A backend's SocketsHttpHandler (for YARP) together with its own HTTP/1.1 pools, so the backend keeps one
/// object for both paths and both connect the same way.
/// </summary>
internal sealed class UpstreamInvoker(HttpMessageHandler handler, H1Upstream h1) : HttpMessageInvoker(handler, disposeHandler: true)
{
    public H1Upstream H1 { get; } = h1;
}
