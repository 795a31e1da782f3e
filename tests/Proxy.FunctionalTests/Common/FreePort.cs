using System.Net;
using System.Net.Sockets;

namespace Proxy.FunctionalTests.Common;

/// <summary>
/// A TCP port on 127.0.0.1 that was free a moment ago. HAProxy's `bind` takes no port 0, so configurations under
/// test get real port numbers; the kernel hands out ephemeral ports in a cycle, so reuse within a run is unlikely.
/// </summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
