using ConfigParser.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Proxy.Diagnostics;

/// <summary>
/// Routes Microsoft.Extensions.Logging output (Kestrel, the host, our own services) to stderr in haproxy's
/// "[WARNING]  (pid) : …" form, so operators see one format whatever produced the message.
/// </summary>
internal sealed class HaproxyStderrLoggerProvider(HaproxyMessageWriter writer, LogLevel minimum) : ILoggerProvider
{
    private readonly Lock _lock = new();
    private readonly HaproxyMessageWriter _writer = writer;
    private readonly LogLevel _minimum = minimum;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(HaproxyStderrLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner._minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var severity = logLevel switch
            {
                >= LogLevel.Error => DiagnosticSeverity.Alert,
                LogLevel.Warning => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Notice,
            };
            var text = formatter(state, exception);
            if (exception is not null && owner._minimum <= LogLevel.Debug)
            {
                text += $" ({exception.GetType().Name}: {exception.Message})";
            }

            lock (owner._lock)
            {
                owner._writer.Write(severity, text, context: null);
            }
        }
    }
}
