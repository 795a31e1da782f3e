using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;
using Proxy.Transport;

namespace Proxy.Tests.Transport;

/// <summary>The transport as Kestrel uses it, on 127.0.0.1: bind, accept, the pipes both ways, the ends.</summary>
public class EpollTransportFactoryTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Fact]
    public void CanBind_IpEndPointOrUnixSocket_OnlyTheIpEndPoint()
    {
        var factory = Factory();

        Assert.True(factory.CanBind(new IPEndPoint(IPAddress.Loopback, 0)));
        Assert.False(factory.CanBind(new UnixDomainSocketEndPoint("/tmp/proxy-test.sock")));
    }

    [Fact]
    public async Task BindAsync_ClientConnects_BytesFlowBothWaysWithTheAddresses()
    {
        await using var listener = await Factory().BindAsync(new IPEndPoint(IPAddress.Loopback, 0));
        using var client = new TcpClient(AddressFamily.InterNetwork);
        await client.ConnectAsync((IPEndPoint)listener.EndPoint).WaitAsync(Limit);
        await using var connection = (await listener.AcceptAsync().AsTask().WaitAsync(Limit))!;

        await client.GetStream().WriteAsync("hello"u8.ToArray());
        var input = await ReadAtLeastAsync(connection, 5);
        await connection.Transport.Output.WriteAsync("world"u8.ToArray());
        var answer = new byte[5];
        await client.GetStream().ReadExactlyAsync(answer).AsTask().WaitAsync(Limit);

        Assert.Equal("hello"u8.ToArray(), input);
        Assert.Equal("world"u8.ToArray(), answer);
        Assert.Equal(client.Client.LocalEndPoint, connection.RemoteEndPoint);
        Assert.Equal(listener.EndPoint, connection.LocalEndPoint);
    }

    [Fact]
    public async Task ClientCloses_InputCompletesAndConnectionClosedFires()
    {
        await using var listener = await Factory().BindAsync(new IPEndPoint(IPAddress.Loopback, 0));
        var client = new TcpClient(AddressFamily.InterNetwork);
        await client.ConnectAsync((IPEndPoint)listener.EndPoint).WaitAsync(Limit);
        await using var connection = (await listener.AcceptAsync().AsTask().WaitAsync(Limit))!;
        var closed = new TaskCompletionSource();
        connection.ConnectionClosed.Register(() => closed.TrySetResult());

        client.Dispose();
        var result = await connection.Transport.Input.ReadAsync().AsTask().WaitAsync(Limit);

        Assert.True(result.IsCompleted);
        await closed.Task.WaitAsync(Limit);
    }

    [Fact]
    public async Task Abort_TheClientSeesTheConnectionEnd()
    {
        await using var listener = await Factory().BindAsync(new IPEndPoint(IPAddress.Loopback, 0));
        using var client = new TcpClient(AddressFamily.InterNetwork);
        await client.ConnectAsync((IPEndPoint)listener.EndPoint).WaitAsync(Limit);
        var connection = (await listener.AcceptAsync().AsTask().WaitAsync(Limit))!;

        connection.Abort(new ConnectionAbortedException("test"));
        var n = await client.GetStream().ReadAsync(new byte[4]).AsTask().WaitAsync(Limit);

        Assert.Equal(0, n);
        await connection.DisposeAsync().AsTask().WaitAsync(Limit);
    }

    [Fact]
    public async Task DisposeAsync_AfterTheApplicationWrote_EverythingIsSentThenTheConnectionCloses()
    {
        await using var listener = await Factory().BindAsync(new IPEndPoint(IPAddress.Loopback, 0));
        using var client = new TcpClient(AddressFamily.InterNetwork);
        await client.ConnectAsync((IPEndPoint)listener.EndPoint).WaitAsync(Limit);
        var connection = (await listener.AcceptAsync().AsTask().WaitAsync(Limit))!;
        var body = Enumerable.Range(0, 3 * 1024 * 1024).Select(i => (byte)i).ToArray();

        var write = Task.Run(async () =>
        {
            await connection.Transport.Output.WriteAsync(body);
            await connection.DisposeAsync();
        });
        var received = new MemoryStream();
        await client.GetStream().CopyToAsync(received).WaitAsync(Limit);
        await write.WaitAsync(Limit);

        Assert.Equal(body, received.ToArray());
    }

    [Fact]
    public async Task BindAsync_PortTaken_AddressInUse()
    {
        await using var first = await Factory().BindAsync(new IPEndPoint(IPAddress.Loopback, 0));

        await Assert.ThrowsAsync<AddressInUseException>(async () => await Factory().BindAsync(first.EndPoint));
    }

    private static EpollTransportFactory Factory()
        => new(Options.Create(new KestrelServerOptions()), SocketTransportOptions.CreateDefaultBoundListenSocket);

    private static async Task<byte[]> ReadAtLeastAsync(ConnectionContext connection, int count)
    {
        var input = connection.Transport.Input;
        while (true)
        {
            var result = await input.ReadAsync().AsTask().WaitAsync(Limit);
            if (result.Buffer.Length >= count || result.IsCompleted)
            {
                var bytes = System.Buffers.BuffersExtensions.ToArray(result.Buffer);
                input.AdvanceTo(result.Buffer.End);
                return bytes;
            }

            input.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }
}
