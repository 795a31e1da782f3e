using System.Net;
using System.Net.Sockets;

namespace Proxy.Health;

/// <summary>
/// The layer-4 step every probe starts with: a TCP connection to the check address, bounded by the connect timeout.
/// A failure comes back as the check result (L4CON with strerror text, or L4TOUT).
/// </summary>
internal sealed class CheckConnector(IPEndPoint endpoint, CheckTimeouts timeouts, TimeProvider time)
{
    public IPEndPoint Endpoint { get; } = endpoint;

    public CheckTimeouts Timeouts { get; } = timeouts;

    public TimeProvider Time { get; } = time;

    /// <summary>A connected socket, or the failed result; <paramref name="started"/> is the check's start timestamp.</summary>
    public async Task<(Socket? Socket, CheckResult? Failure)> ConnectAsync(long started, CancellationToken cancellationToken)
    {
        var socket = new Socket(Endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timer = new CancellationTokenSource(Timeouts.Connect, Time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await socket.ConnectAsync(Endpoint, deadline.Token).ConfigureAwait(false);
            return (socket, null);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            return (null, new CheckResult(CheckStatus.L4Con, null, SocketErrorText.Of(e.SocketErrorCode), Elapsed(started)));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            return (null, new CheckResult(CheckStatus.L4Tout, null, null, Elapsed(started)));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public TimeSpan Elapsed(long started) => Time.GetElapsedTime(started);
}
