using Yarp.ReverseProxy.Forwarder;

namespace Proxy.Http.Upstream;

/// <summary>The failure of an attempt on the HTTP/1.1 path, where YARP would have put its own (ForwarderErrorMapper reads it).</summary>
internal sealed class H1ErrorFeature(ForwarderError error, Exception? exception) : IForwarderErrorFeature
{
    public ForwarderError Error { get; } = error;

    public Exception? Exception { get; } = exception;
}
