using Yarp.ReverseProxy.Forwarder;

namespace Proxy.Http.Upstream;

/// <summary>How one attempt on the HTTP/1.1 path ended: YARP's error words, and a status held back for `retry-on`.</summary>
internal readonly record struct H1Attempt(ForwarderError Error, int? HeldBackStatus = null);
