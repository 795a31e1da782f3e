using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>`check-ssl` side by side: a TLS server, stopped, then a plain and a silent listener on its port, then TLS again.</summary>
public partial class HealthCheckParityTests
{
    [RequiresHaproxyFact]
    public async Task CheckSsl_TlsStoppedPlainSilentTls_SameStateChangeLines()
    {
        using var certificates = await TestCertificates.CreateAsync();
        var pem = await certificates.IssueAsync("srv", "/CN=localhost", ["localhost"]);
        var other = await certificates.AuthorityAsync("other", "Other CA");
        await using var server = new TlsHealthBackend(FreePort.Next(), pem);
        server.Start();
        await server.WarmUpAsync();
        var port = server.Port;
        var backends =
            $"backend be\n server s1 127.0.0.1:{port}\n" +
            $"backend tcp\n timeout check 2s\n server s1 127.0.0.1:{port} ssl verify none check inter 1000 rise 1 fall 2\n" +
            $"backend http\n timeout check 2s\n option httpchk GET /\n server s1 127.0.0.1:{port} ssl verify none check inter 1000 rise 1 fall 2\n" +
            $"backend lhc\n timeout check 2s\n option log-health-checks\n server s1 127.0.0.1:{port} check-ssl verify required ca-file {certificates.CaFile} check-sni localhost check inter 1000 rise 1 fall 1\n" +
            $"backend bad\n timeout check 2s\n server s1 127.0.0.1:{port} ssl verify required ca-file {other} check inter 1000\n" +
            $"backend clear\n server s1 127.0.0.1:{port} ssl verify none no-check-ssl check inter 1000 rise 1 fall 2\n";
        var (haproxyPort, proxyPort) = (FreePort.Next(), FreePort.Next());
        using var dir = new TempDirectory();
        await dir.WriteAsync("haproxy.cfg", Config(haproxyPort) + backends);
        await dir.WriteAsync("proxy.cfg", Config(proxyPort) + backends);
        using var haproxy = ExternalProcess.Start(Haproxy.Require(), ["-db", "-f", "haproxy.cfg"], dir.Path);
        using var proxy = ExternalProcess.StartProxy(["-f", "proxy.cfg"], dir.Path);
        await PortWaiter.WaitAsync(haproxyPort, haproxy, TimeSpan.FromSeconds(30));
        await PortWaiter.WaitAsync(proxyPort, proxy, TimeSpan.FromSeconds(30));

        await BothSeeAsync(haproxy, proxy, "bad", 2);
        await BothSeeAsync(haproxy, proxy, "lhc", 1);
        await server.StopAsync();
        await BothSeeAsync(haproxy, proxy, "tcp", 2);
        await BothSeeAsync(haproxy, proxy, "http", 2);
        await BothSeeAsync(haproxy, proxy, "clear", 2);
        await BothSeeAsync(haproxy, proxy, "lhc", 4);
        server.Mode = TlsHealthBackend.Behaviour.Plain;
        server.Start();
        await BothSeeAsync(haproxy, proxy, "clear", 3);
        await BothSeeAsync(haproxy, proxy, "lhc", 5);
        server.Mode = TlsHealthBackend.Behaviour.Silent;
        await BothSeeAsync(haproxy, proxy, "lhc", 6);
        server.Mode = TlsHealthBackend.Behaviour.Tls;
        await BothSeeAsync(haproxy, proxy, "tcp", 3);
        await BothSeeAsync(haproxy, proxy, "http", 3);
        await BothSeeAsync(haproxy, proxy, "lhc", 8);

        foreach (var backend in new[] { "tcp", "http", "lhc", "bad", "clear" })
        {
            Assert.True(Lines(haproxy, backend).SequenceEqual(Lines(proxy, backend)),
                $"'{backend}' differs\nhaproxy:\n{string.Join('\n', Lines(haproxy, backend))}\nproxy:\n{string.Join('\n', Lines(proxy, backend))}");
        }

        Assert.Equal(
            "[WARNING]  (PID) : Server bad/s1 is DOWN, reason: Layer6 invalid response, info: \"SSL handshake failure\", check duration: Nms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.",
            Lines(proxy, "bad")[0]);
    }
}
