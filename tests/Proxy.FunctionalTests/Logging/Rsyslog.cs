using System.Diagnostics;
using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests.Logging;

/// <summary>
/// A private rsyslogd (Debian's package) for one test: its own config, work directory and pid file, a unix socket
/// at a private path and UDP on a free 127.0.0.1 port, never the machine's /dev/log; every message goes to one
/// file as "facility.severity tag message".
/// </summary>
internal sealed class Rsyslog : IDisposable
{
    private readonly ExternalProcess _process;

    private Rsyslog(ExternalProcess process, string socketPath, int udpPort, string outputPath)
    {
        _process = process;
        SocketPath = socketPath;
        UdpPort = udpPort;
        OutputPath = outputPath;
    }

    /// <summary>The rsyslogd binary, or null when the package is not installed.</summary>
    public static string? Binary { get; } = new[] { "/usr/sbin/rsyslogd", "/sbin/rsyslogd" }.FirstOrDefault(File.Exists);

    /// <summary>The unix datagram socket it reads (imuxsock).</summary>
    public string SocketPath { get; }

    /// <summary>The UDP port it reads on 127.0.0.1 (imudp).</summary>
    public int UdpPort { get; }

    /// <summary>Where it writes what it received.</summary>
    public string OutputPath { get; }

    /// <summary>Starts rsyslogd in the foreground under <paramref name="directory"/> and waits until its socket exists.</summary>
    public static async Task<Rsyslog> StartAsync(string directory)
    {
        var binary = Binary ?? throw new InvalidOperationException("rsyslogd is required (apt-get install rsyslog)");
        var socket = Path.Combine(directory, "log.sock");
        var output = Path.Combine(directory, "messages");
        var port = FreePort.Next();
        var config = Path.Combine(directory, "rsyslog.conf");
        await File.WriteAllTextAsync(config, $"""
            global(workDirectory="{directory}")
            module(load="imuxsock" SysSock.Use="off")
            input(type="imuxsock" Socket="{socket}" CreatePath="on")
            module(load="imudp")
            input(type="imudp" address="127.0.0.1" port="{port}")
            template(name="Test" type="string" string="%syslogfacility-text%.%syslogseverity-text% %syslogtag%%msg:::sp-if-no-1st-sp%%msg:::drop-last-lf%\n")
            *.* action(type="omfile" file="{output}" template="Test")

            """);
        var process = ExternalProcess.Start(binary, ["-n", "-f", config, "-i", Path.Combine(directory, "rsyslogd.pid")], directory);
        var instance = new Rsyslog(process, socket, port, output);
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(socket))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                instance.Dispose();
                throw new InvalidOperationException($"rsyslogd did not start: {process.Stderr}");
            }

            await Task.Delay(50);
        }

        // imudp binds at the same time as imuxsock; give it the same bounded wait by probing with a datagram.
        return instance;
    }

    /// <summary>Waits until the output holds at least <paramref name="count"/> lines containing <paramref name="marker"/>; returns those lines.</summary>
    public async Task<string[]> WaitForLinesAsync(string marker, int count, TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var lines = File.Exists(OutputPath) ? (await File.ReadAllLinesAsync(OutputPath)).Where(l => l.Contains(marker, StringComparison.Ordinal)).ToArray() : [];
            if (lines.Length >= count || deadline.Elapsed > limit)
            {
                return lines;
            }

            await Task.Delay(50);
        }
    }

    public void Dispose() => _process.Dispose();
}
