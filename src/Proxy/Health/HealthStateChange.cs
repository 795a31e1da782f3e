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
/// <param name="Message">haproxy 2.6's text, e.g. "Server be/s1 is DOWN, reason: … remaining in queue."; empty when an
/// agent's weight of 0 emptied the backend, which haproxy 2.6 reports with the backend's alert alone.</param>
/// <param name="BackendEmpty">True when this change left no server of the backend to take traffic.</param>
/// <param name="Previous">The phase it left.</param>
/// <param name="Level">The syslog severity when the change is an admin one (an agent's drain or maint), else null.</param>
internal sealed record HealthStateChange(
    BackendState Backend, ServerState Server, ServerHealthPhase Phase, CheckResult Result, string Message, bool BackendEmpty, ServerHealthPhase Previous, int? Level = null)
{
    /// <summary>
    /// The syslog severity haproxy 2.6 sends this line at (captured from 2.6.12): DOWN at alert, except notice when the
    /// server was already stopping (NOLB); UP and "is stopping" at notice.
    /// </summary>
    public int SyslogLevel => Level ?? (Phase == ServerHealthPhase.Down && Previous != ServerHealthPhase.NoLb ? Logging.SyslogCodes.Alert : Logging.SyslogCodes.Notice);
}
