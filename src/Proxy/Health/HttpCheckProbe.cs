using System.Net.Sockets;

namespace Proxy.Health;

/// <summary>
/// `option httpchk`: connect, send the plan's request, read the response (at most 16 kB, haproxy 2.6 tune.bufsize)
/// and judge it (L7OK / L7OKC / L7STS / L7RSP / L7TOUT, or the connect step's L4 result, or with `check-ssl` the
/// handshake's L6 one).
/// </summary>
internal sealed class HttpCheckProbe(CheckConnector connector, HttpCheckPlan plan, Func<string>? serverState = null) : IHealthProbe
{
    private const int BufferSize = 16384;

    public async Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var time = connector.Time;
        var started = time.GetTimestamp();
        var (socket, failure) = await connector.ConnectAsync(started, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var (opened, failed) = await connector.SecureAsync(socket!, started, cancellationToken).ConfigureAwait(false);
        if (failed is not null)
        {
            return failed;
        }

        using var timer = connector.ReadDeadline(started);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        await using var stream = opened!;
        var buffer = new byte[BufferSize];
        var length = 0;
        try
        {
            await stream.WriteAsync(plan.Request(serverState?.Invoke()), deadline.Token).ConfigureAwait(false);
            while (length < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(length), deadline.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (HttpCheckResponse.IsComplete(buffer.AsSpan(0, length)))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CheckResult(CheckStatus.L7Tout, null, null, connector.Elapsed(started));
        }
        catch (IOException e) when (length == 0)
        {
            var info = e.InnerException is SocketException s ? SocketErrorText.Of(s.SocketErrorCode) : null;
            return new CheckResult(CheckStatus.L7Rsp, null, info, connector.Elapsed(started));
        }
        catch (IOException)
        {
            // The server closed abruptly after answering: judge what arrived.
        }

        var duration = connector.Elapsed(started);
        if (HttpCheckResponse.Parse(buffer.AsSpan(0, length)) is not { } response)
        {
            return new CheckResult(CheckStatus.L7Rsp, null, null, duration);
        }

        // disable-on-404 takes precedence over expect (haproxy 2.6 configuration.txt).
        return plan.DisableOn404 && response.Status == 404
            ? new CheckResult(CheckStatus.L7OkC, 404, null, duration)
            : plan.Expect.Judge(response, duration);
    }
}
