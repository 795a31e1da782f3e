using System.Text.RegularExpressions;
using Proxy.FunctionalTests.Common;
using Proxy.FunctionalTests.Logging;

namespace Proxy.FunctionalTests;

/// <summary>`log /dev/log local0` taken literally: the proxy runs in a private mount namespace whose /dev/log leads to a private rsyslogd.</summary>
public sealed partial class LoggingTests
{
    // Inside `unshare -m`: a tmpfs over /dev with the devices .NET needs bound back in, and /dev/log pointing at
    // the test's rsyslog socket. Nothing of it is visible outside the namespace; the machine's /dev stays as it was.
    private const string PrivateDevLog = """
        set -e
        mount --make-rprivate /
        mkdir -p "$D/olddev"
        mount --rbind /dev "$D/olddev"
        mount -t tmpfs -o mode=755 tmpfs /dev
        for n in null zero full random urandom tty; do touch "/dev/$n"; mount --bind "$D/olddev/$n" "/dev/$n"; done
        mkdir /dev/shm /dev/pts
        mount --rbind "$D/olddev/shm" /dev/shm
        mount --rbind "$D/olddev/pts" /dev/pts
        ln -s /proc/self/fd /dev/fd
        ln -s "$SOCKET" /dev/log
        exec dotnet "$PROXY" -f "$D/p.cfg"
        """;

    [RequiresRootFact]
    public async Task DevLog_InPrivateMountNamespace_LinesReachRsyslog()
    {
        RequireRsyslog();
        using var dir = new TempDirectory();
        using var rsyslog = await Rsyslog.StartAsync(dir.Path);
        await using var backend = await TestBackend.StartAsync("s1");
        var port = FreePort.Next();
        await dir.WriteAsync("p.cfg", "global\n log /dev/log local0\n" + Config(port, backend.Port, "log global"));
        await dir.WriteAsync("ns.sh", $"D='{dir.Path}'\nSOCKET='{rsyslog.SocketPath}'\nPROXY='{RepoPaths.ProxyDll}'\n{PrivateDevLog}\n");
        using var proxy = ExternalProcess.Start("unshare", ["-m", "/bin/sh", Path.Combine(dir.Path, "ns.sh")], dir.Path);
        await PortWaiter.WaitAsync(port, proxy, Limit);
        using var client = new HttpClient();

        using var response = await client.GetAsync($"http://127.0.0.1:{port}/via-dev-log");
        var line = Assert.Single(await rsyslog.WaitForLinesAsync("/via-dev-log", 1, Limit));

        Assert.Matches(@"^local0\.info haproxy\[\d+\]: 127\.0\.0\.1:\d+ \[[^\]]+\] fe be/s1 \d+/0/0/\d+/\d+ 200 \d+ - - ---- 1/1/0/\d/0 0/0 ""GET /via-dev-log HTTP/1\.1""$", line);
    }
}
