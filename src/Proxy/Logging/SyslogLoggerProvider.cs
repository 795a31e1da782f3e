using Microsoft.Extensions.Logging;

namespace Proxy.Logging;

/// <summary>
/// Sends the process' own warnings and alerts (Microsoft.Extensions.Logging) to the global log targets too, as
/// haproxy 2.6 does with its alerts and warnings: error and above at alert, warning at warning, the rest at notice.
/// </summary>
internal sealed class SyslogLoggerProvider(IProxyLog log, LogLevel minimum) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(log, minimum);

    public void Dispose()
    {
    }

    /// <summary>The syslog severity of a Microsoft.Extensions.Logging level.</summary>
    public static int SeverityOf(LogLevel level) => level switch
    {
        >= LogLevel.Error => SyslogCodes.Alert,
        LogLevel.Warning => SyslogCodes.Warning,
        _ => SyslogCodes.Notice,
    };

    private sealed class Logger(IProxyLog log, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None && log.IsEnabled(SeverityOf(logLevel));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Send(SeverityOf(logLevel), formatter(state, exception));
            }
        }
    }
}
