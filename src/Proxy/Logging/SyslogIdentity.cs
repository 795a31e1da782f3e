namespace Proxy.Logging;

/// <summary>How this process names itself in syslog headers: global `log-send-hostname`, `log-tag`, the pid.</summary>
/// <param name="Hostname">`log-send-hostname`'s value ("" for the machine's name), null when unset.</param>
/// <param name="MachineName">The machine's host name.</param>
/// <param name="Tag">`log-tag`, else "haproxy" (the name tools such as halog and rsyslog filters expect).</param>
/// <param name="ProcessId">The pid in `tag[pid]:`.</param>
internal sealed record SyslogIdentity(string? Hostname, string MachineName, string Tag, int ProcessId);
