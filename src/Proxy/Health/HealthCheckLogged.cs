using Proxy.Runtime;

namespace Proxy.Health;

/// <summary>One `option log-health-checks` line: a check whose result or health counter changed (notice level over syslog).</summary>
/// <param name="Backend">The server's backend.</param>
/// <param name="Server">The server.</param>
/// <param name="Result">The check.</param>
/// <param name="Counter">The health counter after it.</param>
/// <param name="Message">"Health check for server be/s1 failed, reason: …, status: 2/3 UP."</param>
internal sealed record HealthCheckLogged(BackendState Backend, ServerState Server, CheckResult Result, HealthCounter Counter, string Message);
