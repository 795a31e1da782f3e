namespace Proxy.Logging;

/// <summary>
/// The log targets of one proxy (or of the global section), for anything that reports through syslog the way
/// haproxy 2.6 does: health checks send server state changes (UP at notice, DOWN at alert) to a backend's targets.
/// </summary>
internal interface IProxyLog
{
    /// <summary>True when at least one target would receive a message at <paramref name="level"/>.</summary>
    bool IsEnabled(int level);

    /// <summary>Frames <paramref name="message"/> at <paramref name="level"/> (a <see cref="SyslogCodes"/> severity) for each target and queues it; never blocks.</summary>
    void Send(int level, string message);
}
