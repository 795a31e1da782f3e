namespace Proxy.Health;

/// <summary>One kind of health check: runs once against a server and says what it found. Never throws for network failures.</summary>
internal interface IHealthProbe
{
    Task<CheckResult> RunAsync(CancellationToken cancellationToken);
}
