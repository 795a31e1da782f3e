using Proxy.Runtime;

namespace Proxy.Health;

/// <summary>
/// A server crossed UP / DOWN / NOLB. Published by <see cref="HealthMonitor.StateChanged"/> for the stderr line
/// and for the syslog work (DOWN at alert, UP and "is stopping" at notice; <see cref="BackendEmpty"/> at emerg).
/// </summary>
/// <param name="Backend">The server's backend.</param>
/// <param name="Server">The server.</param>
/// <param name="Phase">Its new phase.</param>
/// <param name="Result">The check that decided it.</param>
/// <param name="Message">haproxy 2.6's text, e.g. "Server be/s1 is DOWN, reason: … remaining in queue."</param>
/// <param name="BackendEmpty">True when no server of the backend is left to take traffic.</param>
internal sealed record HealthStateChange(BackendState Backend, ServerState Server, ServerHealthPhase Phase, CheckResult Result, string Message, bool BackendEmpty);
