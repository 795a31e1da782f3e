using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Proxy.Health;

/// <summary>
/// The layer-4 step every probe starts with: a TCP connection to the check address, bounded by the connect timeout.
/// A failure comes back as the check result (L4CON with strerror text, or L4TOUT). With <paramref name="tls"/> (`check-ssl`)
/// a TLS handshake follows (<see cref="SecureAsync"/>).
/// </summary>
internal sealed class CheckConnector(IPEndPoint endpoint, CheckTimeouts timeouts, TimeProvider time, SslClientAuthenticationOptions? tls = null)
{
    // How long a connect the kernel already decided may take to report (its completion is only queued).
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    public IPEndPoint Endpoint { get; } = endpoint;

    public CheckTimeouts Timeouts { get; } = timeouts;

    public TimeProvider Time { get; } = time;

    /// <summary>The check's TLS (`check-ssl`); null for a check in clear.</summary>
    public SslClientAuthenticationOptions? Tls { get; } = tls;

    /// <summary>
    /// The connected socket as a stream, over TLS when the check speaks it: a failed handshake is haproxy 2.6's
    /// "Layer6 invalid response" with info "SSL handshake failure" (a plain server, a certificate that fails
    /// verification), one still going at the connect deadline "Layer6 timeout" (for haproxy the connection is
    /// established only once the handshake is done, so the connect timeout bounds both).
    /// </summary>
    public async Task<(Stream? Stream, CheckResult? Failure)> SecureAsync(Socket socket, long started, CancellationToken cancellationToken)
    {
        var plain = new NetworkStream(socket, ownsSocket: true);
        if (Tls is null)
        {
            return (plain, null);
        }

        var stream = new SslStream(plain, leaveInnerStreamOpen: false);
        var budget = Timeouts.Connect - Elapsed(started);
        using var timer = new CancellationTokenSource(budget > TimeSpan.Zero ? budget : TimeSpan.FromTicks(1), Time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await stream.AuthenticateAsClientAsync(Tls, deadline.Token).ConfigureAwait(false);
            return (stream, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            return (null, new CheckResult(CheckStatus.L6Tout, null, null, Elapsed(started)));
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            return (null, new CheckResult(CheckStatus.L6Rsp, null, "SSL handshake failure", Elapsed(started)));
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A connected socket, or the failed result; <paramref name="started"/> is the check's start timestamp.</summary>
    public async Task<(Socket? Socket, CheckResult? Failure)> ConnectAsync(long started, CancellationToken cancellationToken)
    {
        var socket = new Socket(Endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            var connecting = socket.ConnectAsync(Endpoint, cancellationToken).AsTask();
            await WithinAsync(connecting, Timeouts.Connect, cancellationToken).ConfigureAwait(false);

            // A connect the kernel already decided wins over a deadline that fired at the same moment.
            if (!connecting.IsCompleted)
            {
                if (PendingFailure(socket) is { } failure)
                {
                    return (null, Expired(socket, connecting, failure, started, cancellationToken));
                }

                // Decided, but its completion is still queued (a busy machine): wait for it, bounded once more.
                await WithinAsync(connecting, Timeouts.Connect > Grace ? Timeouts.Connect : Grace, cancellationToken).ConfigureAwait(false);
                if (!connecting.IsCompleted)
                {
                    return (null, Expired(socket, connecting, SocketError.Success, started, cancellationToken));
                }
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

    /// <summary>
    /// A cancellation source for reading the reply: `timeout check` from the connect, or what is left of `inter`
    /// since <paramref name="started"/> when no `timeout check` is set (haproxy 2.6), at least one tick.
    /// </summary>
    public CancellationTokenSource ReadDeadline(long started)
    {
        var budget = Timeouts.ReadFromStart ? Timeouts.Read - Elapsed(started) : Timeouts.Read;
        return new CancellationTokenSource(budget > TimeSpan.Zero ? budget : TimeSpan.FromTicks(1), Time);
    }

    // haproxy 2.6 reads the socket's state when a check expires (SO_ERROR), so a refusal whose completion is still
    // queued is reported as "Connection refused", not as a timeout. Null when the kernel already decided the connect
    // (TCP_INFO state no longer SYN_SENT); otherwise the pending error (Success when it is genuinely still connecting).
    private static SocketError? PendingFailure(Socket socket)
    {
        var pending = (SocketError)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error)!;
        if (pending != SocketError.Success)
        {
            return pending;
        }

        Span<byte> info = stackalloc byte[8];
        const int IpProtoTcp = 6, TcpInfo = 11, SynSent = 2;
        var length = socket.GetRawSocketOption(IpProtoTcp, TcpInfo, info);
        return length > 0 && info[0] != SynSent ? null : SocketError.Success;
    }

    private async Task WithinAsync(Task connecting, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (connecting.IsCompleted)
        {
            return;
        }

        using var stopTimer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(connecting, Task.Delay(timeout, Time, stopTimer.Token)).ConfigureAwait(false);
        await stopTimer.CancelAsync().ConfigureAwait(false);
    }

    private CheckResult Expired(Socket socket, Task connecting, SocketError pending, long started, CancellationToken cancellationToken)
    {
        socket.Dispose();
        _ = connecting.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        cancellationToken.ThrowIfCancellationRequested();
        return pending == SocketError.Success
            ? new CheckResult(CheckStatus.L4Tout, null, null, Elapsed(started))
            : new CheckResult(CheckStatus.L4Con, null, SocketErrorText.Of(pending), Elapsed(started));
    }
}
