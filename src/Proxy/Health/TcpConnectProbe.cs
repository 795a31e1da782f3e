namespace Proxy.Health;

/// <summary>A plain `check`: the server is healthy when it accepts a TCP connection (L4OK / L4CON / L4TOUT).</summary>
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

        socket!.Dispose();
        return new CheckResult(CheckStatus.L4Ok, null, null, connector.Elapsed(started));
    }
}
