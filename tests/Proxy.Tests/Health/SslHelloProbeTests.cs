using System.Net;
using System.Net.Sockets;
using Proxy.Health;

namespace Proxy.Tests.Health;

public class SslHelloProbeTests
{
    // A one-shot loopback server that reads the hello and answers with the given bytes; returns the first byte it got.
    private static (int Port, Task<byte> FirstByte) Serve(byte[] answer)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var first = Task.Run(async () =>
        {
            using var client = await listener.AcceptSocketAsync().WaitAsync(TimeSpan.FromSeconds(10));
            var buffer = new byte[512];
            await client.ReceiveAsync(buffer, SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(10));
            await client.SendAsync(answer, SocketFlags.None);
            client.Shutdown(SocketShutdown.Both);
            listener.Stop();
            return buffer[0];
        });
        return (port, first);
    }

    private static SslHelloProbe Probe(int port)
        => new(new CheckConnector(new IPEndPoint(IPAddress.Loopback, port), CheckTimeouts.For(TimeSpan.FromSeconds(2), null, null), TimeProvider.System));

    [Theory]
    [InlineData(new byte[] { 0x15, 0x03, 0x00, 0x00, 0x02, 0x02, 0x28 })]
    [InlineData(new byte[] { 0x16, 0x03, 0x03, 0x00, 0x4a })]
    public async Task RunAsync_SslRecordBack_IsL6OkAndSentAHandshake(byte[] answer)
    {
        var (port, first) = Serve(answer);

        var result = await Probe(port).RunAsync(CancellationToken.None);

        Assert.Equal(CheckStatus.L6Ok, result.Status);
        Assert.Equal(0x16, await first);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'H', (byte)'T', (byte)'T', (byte)'P', (byte)'/' })]
    [InlineData(new byte[] { 0x16, 0x03 })]
    public async Task RunAsync_NotSsl_IsL6Rsp(byte[] answer)
    {
        var (port, _) = Serve(answer);

        var result = await Probe(port).RunAsync(CancellationToken.None);

        Assert.Equal((CheckStatus.L6Rsp, (string?)null), (result.Status, result.Info));
    }
}
