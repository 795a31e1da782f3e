using System.Net;
using System.Net.Sockets;
using Proxy.Transport;

namespace Proxy.Tests.Transport;

/// <summary>Real sockets on 127.0.0.1: a TcpListener plays the server.</summary>
public class EpollStreamTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ConnectAsync_ServerListening_BytesGoBothWays()
    {
        using var listener = Listen();
        await using var client = await EpollStream.ConnectAsync((IPEndPoint)listener.LocalEndpoint, CancellationToken.None);
        using var server = await listener.AcceptSocketAsync().WaitAsync(Limit);

        await client.WriteAsync("ping"u8.ToArray());
        var got = new byte[4];
        await server.ReceiveAsync(got.AsMemory()).AsTask().WaitAsync(Limit);
        await server.SendAsync("pong"u8.ToArray());
        var answer = new byte[16];
        var n = await client.ReadAsync(answer).AsTask().WaitAsync(Limit);

        Assert.Equal("ping"u8.ToArray(), got);
        Assert.Equal("pong"u8.ToArray(), answer[..n]);
    }

    [Fact]
    public async Task ConnectAsync_NobodyListening_ConnectionRefused()
    {
        using var listener = Listen();
        var endpoint = (IPEndPoint)listener.LocalEndpoint;
        listener.Stop();

        var e = await Assert.ThrowsAsync<SocketException>(async () => await EpollStream.ConnectAsync(endpoint, CancellationToken.None));

        Assert.Equal(SocketError.ConnectionRefused, e.SocketErrorCode);
    }

    [Fact]
    public async Task ReadAsync_ShortReadThenMoreLater_WaitsForTheNextBytes()
    {
        using var listener = Listen();
        await using var client = await EpollStream.ConnectAsync((IPEndPoint)listener.LocalEndpoint, CancellationToken.None);
        using var server = await listener.AcceptSocketAsync().WaitAsync(Limit);
        var buffer = new byte[64];

        await server.SendAsync("abc"u8.ToArray());
        var first = await client.ReadAsync(buffer).AsTask().WaitAsync(Limit);
        var pending = client.ReadAsync(buffer.AsMemory(first)).AsTask();
        await server.SendAsync("defg"u8.ToArray());
        var second = await pending.WaitAsync(Limit);

        Assert.Equal(3, first);
        Assert.Equal("abcdefg"u8.ToArray(), buffer[..(first + second)]);
    }

    [Fact]
    public async Task ReadAsync_ServerClosed_ReturnsZero()
    {
        using var listener = Listen();
        await using var client = await EpollStream.ConnectAsync((IPEndPoint)listener.LocalEndpoint, CancellationToken.None);
        var server = await listener.AcceptSocketAsync().WaitAsync(Limit);

        server.Shutdown(SocketShutdown.Send);
        var n = await client.ReadAsync(new byte[8]).AsTask().WaitAsync(Limit);

        Assert.Equal(0, n);
        server.Dispose();
    }

    [Fact]
    public async Task ReadAsync_CanceledWhileWaiting_ThrowsAndTheNextReadGetsTheBytes()
    {
        using var listener = Listen();
        await using var client = await EpollStream.ConnectAsync((IPEndPoint)listener.LocalEndpoint, CancellationToken.None);
        using var server = await listener.AcceptSocketAsync().WaitAsync(Limit);
        using var cancel = new CancellationTokenSource();

        var read = client.ReadAsync(new byte[8], cancel.Token).AsTask();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Limit));
        await server.SendAsync("late"u8.ToArray());
        var buffer = new byte[8];
        var n = await client.ReadAsync(buffer).AsTask().WaitAsync(Limit);

        Assert.Equal("late"u8.ToArray(), buffer[..n]);
    }

    [Fact]
    public async Task WriteAsync_MoreThanTheSocketBuffers_AllBytesArriveInOrder()
    {
        using var listener = Listen();
        await using var client = await EpollStream.ConnectAsync((IPEndPoint)listener.LocalEndpoint, CancellationToken.None);
        using var server = await listener.AcceptSocketAsync().WaitAsync(Limit);
        var data = Enumerable.Range(0, 8 * 1024 * 1024).Select(i => (byte)(i * 7)).ToArray();

        // The write meets a full send buffer (EAGAIN) and waits for EPOLLOUT while the server reads.
        var write = client.WriteAsync(data).AsTask();
        var received = new MemoryStream();
        var chunk = new byte[65536];
        while (received.Length < data.Length)
        {
            var n = await server.ReceiveAsync(chunk.AsMemory()).AsTask().WaitAsync(Limit);
            Assert.NotEqual(0, n);
            received.Write(chunk, 0, n);
        }

        await write.WaitAsync(Limit);
        Assert.Equal(data, received.ToArray());
    }

    [Fact]
    public async Task ReadAsync_ZeroByteRead_CompletesOnceBytesArrive()
    {
        using var listener = Listen();
        await using var client = await EpollStream.ConnectAsync((IPEndPoint)listener.LocalEndpoint, CancellationToken.None);
        using var server = await listener.AcceptSocketAsync().WaitAsync(Limit);

        var wait = client.ReadAsync(Memory<byte>.Empty).AsTask();
        await server.SendAsync("x"u8.ToArray());
        var zero = await wait.WaitAsync(Limit);
        var buffer = new byte[4];
        var n = await client.ReadAsync(buffer).AsTask().WaitAsync(Limit);

        Assert.Equal(0, zero);
        Assert.Equal("x"u8.ToArray(), buffer[..n]);
    }

    [Fact]
    public async Task Dispose_WhileAReadWaits_TheReadFails()
    {
        using var listener = Listen();
        var client = await EpollStream.ConnectAsync((IPEndPoint)listener.LocalEndpoint, CancellationToken.None);
        using var server = await listener.AcceptSocketAsync().WaitAsync(Limit);

        var read = client.ReadAsync(new byte[8]).AsTask();
        await client.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => read.WaitAsync(Limit));
    }

    private static TcpListener Listen()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }
}
