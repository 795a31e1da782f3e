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
        try
        {
            var connecting = socket.ConnectAsync(Endpoint, cancellationToken).AsTask();
            if (!connecting.IsCompleted)
            {
                using var stopTimer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                await Task.WhenAny(connecting, Task.Delay(Timeouts.Connect, Time, stopTimer.Token)).ConfigureAwait(false);
                await stopTimer.CancelAsync().ConfigureAwait(false);
            }

            // A connect that already finished wins over a deadline that fired at the same moment.
            if (!connecting.IsCompleted)
            {
                return (null, Expired(socket, connecting, started, cancellationToken));
            }

            await connecting.ConfigureAwait(false);
            return (socket, null);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            return (null, new CheckResult(CheckStatus.L4Con, null, SocketErrorText.Of(e.SocketErrorCode), Elapsed(started)));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public TimeSpan Elapsed(long started) => Time.GetElapsedTime(started);

    // haproxy 2.6 reads the socket's pending error (SO_ERROR) when a check expires, so a refusal whose completion is
    // still queued (a busy machine) is reported as "Connection refused", not as a timeout.
    private CheckResult Expired(Socket socket, Task connecting, long started, CancellationToken cancellationToken)
    {
        var pending = (SocketError)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error)!;
        socket.Dispose();
        _ = connecting.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        cancellationToken.ThrowIfCancellationRequested();
        return pending == SocketError.Success
            ? new CheckResult(CheckStatus.L4Tout, null, null, Elapsed(started))
            : new CheckResult(CheckStatus.L4Con, null, SocketErrorText.Of(pending), Elapsed(started));
    }
}
