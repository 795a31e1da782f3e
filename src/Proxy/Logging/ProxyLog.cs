using System.Text;

namespace Proxy.Logging;

/// <summary>
/// Sends messages to a list of <see cref="LoggerTarget"/>s with their level filters, framing and length limit
/// (haproxy 2.6 src/log.c __send_log): one datagram per line, ending in a newline.
/// </summary>
internal sealed class ProxyLog(IReadOnlyList<LoggerTarget> targets, SyslogIdentity identity, TimeProvider time) : IProxyLog
{
    [ThreadStatic]
    private static StringBuilder? t_line;

    [ThreadStatic]
    private static byte[]? t_bytes;

    private readonly LoggerTarget[] _targets = [.. targets];

    /// <summary>A log that sends nothing.</summary>
    public static ProxyLog None { get; } = new([], new SyslogIdentity(null, "localhost", "haproxy", 0), TimeProvider.System);

    /// <summary>The targets, in declaration order.</summary>
    public IReadOnlyList<LoggerTarget> Targets => _targets;

    /// <summary>The tag and host this log frames lines with.</summary>
    public SyslogIdentity Identity { get; } = identity;

    public bool IsEnabled(int level)
    {
        foreach (var target in _targets)
        {
            if (level <= target.MaxLevel)
            {
                return true;
            }
        }

        return false;
    }

    public void Send(int level, string message) => Send(level, new StringBuilder(message));

    /// <summary>Frames and queues <paramref name="message"/> for every target that takes <paramref name="level"/>.</summary>
    public void Send(int level, StringBuilder message)
    {
        if (_targets.Length == 0)
        {
            return;
        }

        var now = time.GetLocalNow();
        var line = t_line ??= new StringBuilder(512);
        foreach (var target in _targets)
        {
            if (level > target.MaxLevel)
            {
                continue;
            }

            line.Clear();
            SyslogHeader.Append(line, target.Format, target.Facility, Math.Max(level, target.MinLevel), now, Identity.Hostname, Identity.MachineName, Identity.Tag, Identity.ProcessId);
            line.Append(message);
            if (line.Length > target.MaxLength - 1)
            {
                line.Length = target.MaxLength - 1;
            }

            line.Append('\n');
            var bytes = t_bytes is { } existing && existing.Length >= line.Length * 3 ? existing : t_bytes = new byte[Math.Max(line.Length * 3, 2048)];
            var count = Encode(line, bytes);
            target.Sink.Enqueue(bytes.AsSpan(0, count));
        }
    }

    private static int Encode(StringBuilder line, byte[] bytes)
    {
        var count = 0;
        foreach (var chunk in line.GetChunks())
        {
            count += Encoding.UTF8.GetBytes(chunk.Span, bytes.AsSpan(count));
        }

        return count;
    }
}
