namespace Proxy.Health;

/// <summary>
/// A plain `check`: the server is healthy when it accepts a TCP connection (L4OK / L4CON / L4TOUT); with `check-ssl`,
/// when the TLS handshake succeeds too (L6OK / L6RSP / L6TOUT, haproxy 2.6).
/// </summary>
internal sealed class TcpConnectProbe(CheckConnector connector) : IHealthProbe
{
    public async Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var started = connector.Time.GetTimestamp();
        var (socket, failure) = await connector.ConnectAsync(started, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        if (connector.Tls is null)
        {
            socket!.Dispose();
            return new CheckResult(CheckStatus.L4Ok, null, null, connector.Elapsed(started));
        }

        var (stream, failed) = await connector.SecureAsync(socket!, started, cancellationToken).ConfigureAwait(false);
        if (failed is not null)
        {
            return failed;
        }

        await stream!.DisposeAsync().ConfigureAwait(false);
        return new CheckResult(CheckStatus.L6Ok, null, null, connector.Elapsed(started));
    }
}
