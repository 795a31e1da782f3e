using System.Text;

namespace Proxy.Logging;

/// <summary>
/// How one frontend logs its traffic: the compiled format, its log targets, the header captures and the options
/// that decide whether and at which level a request is logged (haproxy 2.6 §4.2 `option dontlognull`,
/// `dontlog-normal`, `log-separate-errors`; traffic is logged at info).
/// </summary>
internal sealed class AccessLogPlan(
    string frontend,
    LogNode[] nodes,
    ProxyLog log,
    IReadOnlyList<(string Name, int Length)> requestCaptures,
    IReadOnlyList<(string Name, int Length)> responseCaptures,
    bool dontLogNull,
    bool dontLogNormal,
    bool separateErrors)
{
    [ThreadStatic]
    private static StringBuilder? t_message;

    private int _connections;
    private long _logCounter = -1;

    /// <summary>The frontend's name.</summary>
    public string Frontend { get; } = frontend;

    /// <summary>The compiled format.</summary>
    public LogNode[] Nodes { get; } = nodes;

    /// <summary>The targets traffic goes to.</summary>
    public ProxyLog Log { get; } = log;

    /// <summary>`capture request header NAME len N` in declaration order.</summary>
    public IReadOnlyList<(string Name, int Length)> RequestCaptures { get; } = requestCaptures;

    /// <summary>`capture response header NAME len N` in declaration order.</summary>
    public IReadOnlyList<(string Name, int Length)> ResponseCaptures { get; } = responseCaptures;

    /// <summary>`option dontlognull`: connections that sent nothing are not logged.</summary>
    public bool DontLogNull => dontLogNull;

    /// <summary>Requests of this frontend in progress (%fc).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Counts a request in; returns the new concurrent count.</summary>
    public int Enter() => Interlocked.Increment(ref _connections);

    /// <summary>Counts a request out.</summary>
    public void Leave() => Interlocked.Decrement(ref _connections);

    /// <summary>The next value of %lc.</summary>
    public long NextLogCounter() => Interlocked.Increment(ref _logCounter);

    /// <summary>
    /// The level <paramref name="entry"/> is logged at, or null when it is not logged; `set-log-level`
    /// (<paramref name="levelOverride"/>) replaces the level the options chose, `silent` drops the line (haproxy 2.6).
    /// </summary>
    public int? LevelFor(AccessLogEntry entry, LogLevelOverride? levelOverride = null)
        => ChosenLevel(entry) is { } level ? levelOverride is null ? level : levelOverride.Level : null;

    private int? ChosenLevel(AccessLogEntry entry)
    {
        if (dontLogNull && entry.BytesUploaded == 0 && entry.Status == 0)
        {
            return null;
        }

        var error = entry.IsError;
        if (dontLogNormal && !error)
        {
            return null;
        }

        return separateErrors && error ? SyslogCodes.Error : SyslogCodes.Info;
    }

    /// <summary>Formats and sends <paramref name="entry"/> unless the options (or `set-log-level`, when given) say otherwise.</summary>
    public void Write(AccessLogEntry entry, LogLevelOverride? levelOverride = null)
    {
        if (LevelFor(entry, levelOverride) is not { } level || !Log.IsEnabled(level))
        {
            return;
        }

        var message = t_message ??= new StringBuilder(512);
        message.Clear();
        AccessLogFormatter.Format(message, Nodes, entry, Log.Identity);
        Log.Send(level, message);
    }
}
