using ConfigParser.Model;

namespace Proxy.Logging;

/// <summary>One resolved `log` line at run time: where, which facility, which levels pass, how framed, how long.</summary>
/// <param name="Sink">The shared destination.</param>
/// <param name="Facility">The facility number.</param>
/// <param name="MaxLevel">Messages less severe than this (a higher number) are not sent.</param>
/// <param name="MinLevel">Messages more severe than this are sent at this level.</param>
/// <param name="Format">The framing.</param>
/// <param name="MaxLength">The longest line, newline included (`len`, default 1024).</param>
internal sealed record LoggerTarget(LogSink Sink, int Facility, int MaxLevel, int MinLevel, SyslogFormat Format, int MaxLength)
{
    /// <summary>haproxy 2.6: lines are cut at 1024 bytes unless `len` says otherwise.</summary>
    public const int DefaultLength = 1024;

    /// <summary>The runtime form of <paramref name="definition"/>, its sink taken from <paramref name="sinks"/>.</summary>
    public static LoggerTarget From(LogTarget definition, Func<string, LogSink> sinks) => new(
        sinks(definition.Target),
        SyslogCodes.Facility(definition.Facility),
        SyslogCodes.Level(definition.Level, SyslogCodes.Debug),
        SyslogCodes.Level(definition.MinLevel, SyslogCodes.Emergency),
        SyslogHeader.Parse(definition.Format),
        definition.Length ?? DefaultLength);
}
