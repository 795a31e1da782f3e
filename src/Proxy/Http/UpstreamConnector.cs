using System.Net;
using System.Net.Sockets;

namespace Proxy.Http;

/// <summary>
/// SocketsHttpHandler's ConnectCallback: one connection attempt bounded by `timeout connect` on the injected
/// clock, with failures thrown as <see cref="UpstreamConnectException"/> (haproxy 2.6: SC refused, sC timeout).
/// </summary>
internal sealed class UpstreamConnector(UpstreamConnect connect, TimeSpan? timeout, TimeProvider time)
{
    /// <summary>A plain TCP connection with Nagle off, as HAProxy sends.</summary>
    public static async ValueTask<Stream> ConnectTcpAsync(DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        if (Transport.EpollTransportFactory.Enabled && IPAddress.TryParse(endpoint.Host, out var address))
        {
            // On the epoll loops, with the client connections (src/Proxy/Transport).
            return await Transport.EpollStream.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>SocketsHttpHandler.ConnectCallback.</summary>
    public ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
        => ConnectAsync(context.DnsEndPoint, cancellationToken);

    /// <summary>One attempt to <paramref name="endpoint"/>.</summary>
    public async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        if (timeout is not { } limit)
        {
            return await Attempt(endpoint, cancellationToken, timer: null);
        }

        using var timer = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        return await Attempt(endpoint, linked.Token, timer);
    }

    private async ValueTask<Stream> Attempt(DnsEndPoint endpoint, CancellationToken cancellationToken, CancellationTokenSource? timer)
    {
        try
        {
            return await connect(endpoint, cancellationToken);
        }
        catch (OperationCanceledException e) when (timer is { IsCancellationRequested: true })
        {
            throw new UpstreamConnectException(timedOut: true, e);
        }
        catch (SocketException e)
        {
            throw new UpstreamConnectException(timedOut: false, e);
        }
    }
}
