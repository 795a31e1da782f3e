using System.Net.Sockets;

namespace Proxy.FunctionalTests.Common;

/// <summary>Waits until something accepts connections on 127.0.0.1:port (bounded by count and time).</summary>
internal static class PortWaiter
{
    public static async Task WaitAsync(int port, ExternalProcess process, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        for (var attempt = 0; attempt < 600 && DateTime.UtcNow < deadline; attempt++)
        {
            if (process.HasExited)
            {
                Assert.Fail($"process exited before listening on {port}; stderr: {process.Stderr}");
            }

            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                // Polling the listener, not timing behaviour: the wait is for an external process's start-up.
                await Task.Delay(50);
            }
        }

        Assert.Fail($"nothing listened on 127.0.0.1:{port} within {limit}; stderr: {process.Stderr}");
    }
}
