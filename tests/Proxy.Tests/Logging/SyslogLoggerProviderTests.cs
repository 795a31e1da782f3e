using Microsoft.Extensions.Logging;
using Proxy.Logging;

namespace Proxy.Tests.Logging;

public sealed class SyslogLoggerProviderTests
{
    [Fact]
    public void Log_WarningAndError_SentAtWarningAndAlert_InformationDropped()
    {
        var log = new RecordingLog();
        using var provider = new SyslogLoggerProvider(log, LogLevel.Warning);
        var logger = provider.CreateLogger("Test");

        logger.LogInformation("chatty");
        logger.LogWarning("Server be/s1 is DOWN");
        logger.LogError("cannot bind");

        Assert.Equal([(SyslogCodes.Warning, "Server be/s1 is DOWN"), (SyslogCodes.Alert, "cannot bind")], log.Sent);
    }

    private sealed class RecordingLog : IProxyLog
    {
        public List<(int Level, string Message)> Sent { get; } = [];

        public bool IsEnabled(int level) => true;

        public void Send(int level, string message) => Sent.Add((level, message));
    }
}
