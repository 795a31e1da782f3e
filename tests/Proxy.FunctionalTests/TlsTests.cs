using System.Text.RegularExpressions;
using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>
/// TLS termination on `bind … ssl crt`, ALPN, versions, client certificates, TLS to servers, checked with curl and
/// `openssl s_client` against certificates made at test time.
/// </summary>
public class TlsTests
{
    private const string Defaults = "defaults\n  mode http\n  timeout client 5s\n  timeout server 5s\n  timeout connect 5s\n";

    private static string Frontend(int port, string bindOptions, int backendPort, string extra = "")
        => Defaults + $"frontend fe\n  bind 127.0.0.1:{port} {bindOptions}\n{extra}  default_backend be\nbackend be\n  server s1 127.0.0.1:{backendPort}\n";

    private static async Task<(int Exit, string Stdout, string Stderr)> CurlAsync(params string[] arguments)
        {
        var (exit, stdout, stderr) = await ExternalProcess.RunAsync("curl", ["-sS", "--max-time", "10", .. arguments]);
        return (exit, stdout.TrimEnd(), stderr);
    }

    [Fact]
    public async Task Bind_SniNames_PickCertificateByNameWildcardAndDefault()
    {
        using var certificates = await TestCertificates.CreateAsync();
        var first = await certificates.IssueAsync("first", "/CN=default.test", ["default.test"]);
        var wildcard = await certificates.IssueAsync("wild", "/CN=*.wild.test", ["*.wild.test"], rsa: true);
        var named = await certificates.IssueAsync("named", "/CN=named.test", ["named.test", "alias.test"], separateKey: true);
        await using var backend = await TestBackend.StartAsync("b");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Frontend(port, $"ssl crt {first} crt {wildcard} crt {named}", backend.Port));

        Assert.Equal("CN=default.test", await SubjectAsync(port, "unknown.test"));
        Assert.Equal("CN=*.wild.test", await SubjectAsync(port, "a.wild.test"));
        Assert.Equal("CN=default.test", await SubjectAsync(port, "a.b.wild.test"));
        Assert.Equal("CN=named.test", await SubjectAsync(port, "alias.test"));
        Assert.Equal("CN=named.test", await SubjectAsync(port, "NAMED.test"));
    }

    [Fact]
    public async Task Bind_StrictSni_RefusesUnknownName()
    {
        using var certificates = await TestCertificates.CreateAsync();
        var pem = await certificates.IssueAsync("one", "/CN=one.test", ["one.test"]);
        await using var backend = await TestBackend.StartAsync("b");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Frontend(port, $"ssl crt {pem} strict-sni", backend.Port));

        var known = await CurlAsync("--cacert", certificates.CaFile, "--resolve", $"one.test:{port}:127.0.0.1", $"https://one.test:{port}/");
        var unknown = await CurlAsync("-k", "--resolve", $"two.test:{port}:127.0.0.1", $"https://two.test:{port}/");

        Assert.Equal("b", known.Stdout);
        Assert.NotEqual(0, unknown.Exit);
    }

    [Fact]
    public async Task Bind_CrtList_AppliesFiltersAndNegativeFilters()
    {
        using var certificates = await TestCertificates.CreateAsync();
        var first = await certificates.IssueAsync("first", "/CN=first.test", ["first.test"]);
        var wide = await certificates.IssueAsync("wide", "/CN=wide.test", ["wide.test", "a.test", "b.test"]);
        var list = Path.Combine(certificates.Folder, "list.txt");
        await File.WriteAllTextAsync(list, $"# comment\n{first}\n{wide} !b.test\n");
        await using var backend = await TestBackend.StartAsync("b");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Frontend(port, $"ssl crt-list {list}", backend.Port));

        Assert.Equal("CN=wide.test", await SubjectAsync(port, "a.test"));
        Assert.Equal("CN=first.test", await SubjectAsync(port, "b.test"));
    }

    [Fact]
    public async Task Bind_Alpn_NegotiatesHttp2OnlyWhenListed()
    {
        using var certificates = await TestCertificates.CreateAsync();
        var pem = await certificates.IssueAsync("one", "/CN=one.test", ["one.test"]);
        await using var backend = await TestBackend.StartAsync("b");
        var withAlpn = FreePort.Next();
        var without = FreePort.Next();
        var config = Defaults + $"frontend fe\n  bind 127.0.0.1:{withAlpn} ssl crt {pem} alpn h2,http/1.1\n  bind 127.0.0.1:{without} ssl crt {pem}\n"
            + $"  default_backend be\nbackend be\n  server s1 127.0.0.1:{backend.Port}\n";
        await using var proxy = await InProcessProxy.StartAsync(config);

        var h2 = await CurlAsync("--http2", "--cacert", certificates.CaFile, "--resolve", $"one.test:{withAlpn}:127.0.0.1",
            "-w", " %{http_version}", $"https://one.test:{withAlpn}/");
        var h1 = await CurlAsync("--http2", "--cacert", certificates.CaFile, "--resolve", $"one.test:{without}:127.0.0.1",
            "-w", " %{http_version}", $"https://one.test:{without}/");

        var none = await SClientAsync(without, "one.test", certificates.CaFile, "", "-alpn", "h2,http/1.1");

        Assert.Equal("b 2", h2.Stdout);
        Assert.Equal("b 1.1", h1.Stdout);
        Assert.Contains("No ALPN negotiated", none);
    }

    [Fact]
    public async Task Bind_SslVersionBounds_RefuseOutsideAndNegotiateInside()
    {
        using var certificates = await TestCertificates.CreateAsync();
        var pem = await certificates.IssueAsync("one", "/CN=one.test", ["one.test"], rsa: true);
        await using var backend = await TestBackend.StartAsync("b");
        var modern = FreePort.Next();
        var capped = FreePort.Next();
        var config = Defaults + $"frontend fe\n  bind 127.0.0.1:{modern} ssl crt {pem} ssl-min-ver TLSv1.2\n"
            + $"  bind 127.0.0.1:{capped} ssl crt {pem} ssl-max-ver TLSv1.2\n  default_backend be\nbackend be\n  server s1 127.0.0.1:{backend.Port}\n";
        await using var proxy = await InProcessProxy.StartAsync(config);

        var old = await CurlAsync("-k", "--tls-max", "1.1", $"https://127.0.0.1:{modern}/");
        var tls13Only = await CurlAsync("-k", "--tlsv1.3", $"https://127.0.0.1:{capped}/");
        var tls12 = await CurlAsync("-k", "-w", " %{ssl_version}", "-v", $"https://127.0.0.1:{capped}/");

        Assert.NotEqual(0, old.Exit);
        Assert.NotEqual(0, tls13Only.Exit);
        Assert.Equal("b", tls12.Stdout.Split(' ')[0]);
        Assert.Contains("SSL connection using TLSv1.2", tls12.Stderr);
    }

    [Fact]
    public async Task Bind_Ciphers_RestrictTls12Suite()
    {
        using var certificates = await TestCertificates.CreateAsync();
        var pem = await certificates.IssueAsync("one", "/CN=one.test", ["one.test"]);
        await using var backend = await TestBackend.StartAsync("b");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Frontend(port,
            $"ssl crt {pem} ssl-max-ver TLSv1.2 ciphers ECDHE-ECDSA-AES256-GCM-SHA384", backend.Port));

        var allowed = await CurlAsync("-k", "-v", "--ciphers", "ECDHE-ECDSA-AES256-GCM-SHA384", $"https://127.0.0.1:{port}/");
        var other = await CurlAsync("-k", "--ciphers", "ECDHE-ECDSA-AES128-GCM-SHA256", $"https://127.0.0.1:{port}/");

        Assert.Equal("b", allowed.Stdout);
        Assert.NotEqual(0, other.Exit);
    }

    [Fact]
    public async Task Bind_CipherStringKeywords_RestrictTheHandshakeAsOpenSslExpandsThem()
    {
        using var certificates = await TestCertificates.CreateAsync();
        var pem = await certificates.IssueAsync("one", "/CN=one.test", ["one.test"]);
        await using var backend = await TestBackend.StartAsync("b");
        var port = FreePort.Next();
        // The corpus's list, with AES128 taken out: only the AES-256-GCM and ChaCha20 ECDHE suites are left for TLS 1.2.
        await using var proxy = await InProcessProxy.StartAsync(
            "global\n  ssl-default-bind-ciphers ECDH+AESGCM:ECDH+CHACHA20:ECDH+AES256:!aNULL:!SHA1:!AESCCM:!AES128\n"
            + Frontend(port, $"ssl crt {pem} ssl-max-ver TLSv1.2", backend.Port));

        var gcm256 = await CurlAsync("-k", "--ciphers", "ECDHE-ECDSA-AES256-GCM-SHA384", $"https://127.0.0.1:{port}/");
        var chacha = await CurlAsync("-k", "--ciphers", "ECDHE-ECDSA-CHACHA20-POLY1305", $"https://127.0.0.1:{port}/");
        var gcm128 = await CurlAsync("-k", "--ciphers", "ECDHE-ECDSA-AES128-GCM-SHA256", $"https://127.0.0.1:{port}/");
        var sha1 = await CurlAsync("-k", "--ciphers", "ECDHE-ECDSA-AES256-SHA", $"https://127.0.0.1:{port}/");

        Assert.Equal("b", gcm256.Stdout);
        Assert.Equal("b", chacha.Stdout);
        Assert.NotEqual(0, gcm128.Exit);
        Assert.NotEqual(0, sha1.Exit);
    }

    [Fact]
    public async Task Bind_VerifyRequired_AcceptsOnlyClientCertificatesFromTheCaFile()
    {
        using var certificates = await TestCertificates.CreateAsync();
        var pem = await certificates.IssueAsync("one", "/CN=one.test", ["one.test"]);
        await certificates.IssueAsync("good-client", "/C=FR/O=Test/CN=alice", [], client: true);
        await certificates.AuthorityAsync("rogue", "Rogue CA");
        await certificates.IssueAsync("rogue-client", "/CN=mallory", [], authority: "rogue", client: true);
        await using var backend = await TestBackend.StartAsync("b");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Frontend(port, $"ssl crt {pem} ca-file {certificates.CaFile} verify required", backend.Port));

        var none = await CurlAsync("-k", $"https://127.0.0.1:{port}/");
        var good = await CurlAsync("-k", "--cert", certificates.CertificateOf("good-client"), "--key", certificates.KeyOf("good-client"), $"https://127.0.0.1:{port}/");
        var rogue = await CurlAsync("-k", "--cert", certificates.CertificateOf("rogue-client"), "--key", certificates.KeyOf("rogue-client"), $"https://127.0.0.1:{port}/");

        Assert.NotEqual(0, none.Exit);
        Assert.Equal("b", good.Stdout);
        Assert.True(rogue.Exit != 0 || rogue.Stdout != "b", rogue.Stdout + rogue.Stderr);
    }

    [Fact]
    public async Task Bind_VerifyOptional_RoutesOnSslFetches()
    {
        using var certificates = await TestCertificates.CreateAsync();
        var pem = await certificates.IssueAsync("one", "/CN=one.test", ["one.test"]);
        await certificates.IssueAsync("client", "/C=FR/O=Test/CN=alice", [], client: true);
        await using var plain = await TestBackend.StartAsync("plain");
        await using var tls = await TestBackend.StartAsync("tls");
        await using var withCert = await TestBackend.StartAsync("alice");
        var port = FreePort.Next();
        var clear = FreePort.Next();
        var config = Defaults + $"frontend fe\n  bind 127.0.0.1:{port} ssl crt {pem} ca-file {certificates.CaFile} verify optional\n"
            + $"  bind 127.0.0.1:{clear}\n"
            + "  use_backend alice if { ssl_c_used } { ssl_c_verify 0 } { ssl_c_s_dn -m end /CN=alice } { ssl_fc_sni one.test } { ssl_fc_protocol TLSv1.3 }\n"
            + "  use_backend tls if { ssl_fc }\n  default_backend plain\n"
            + $"backend plain\n  server s1 127.0.0.1:{plain.Port}\nbackend tls\n  server s1 127.0.0.1:{tls.Port}\nbackend alice\n  server s1 127.0.0.1:{withCert.Port}\n";
        await using var proxy = await InProcessProxy.StartAsync(config);

        var cleartext = await CurlAsync($"http://127.0.0.1:{clear}/");
        var anonymous = await CurlAsync("--cacert", certificates.CaFile, "--resolve", $"one.test:{port}:127.0.0.1", $"https://one.test:{port}/");
        var alice = await CurlAsync("--cacert", certificates.CaFile, "--resolve", $"one.test:{port}:127.0.0.1",
            "--cert", certificates.CertificateOf("client"), "--key", certificates.KeyOf("client"), $"https://one.test:{port}/");

        Assert.Equal("plain", cleartext.Stdout);
        Assert.Equal("tls", anonymous.Stdout);
        Assert.Equal("alice", alice.Stdout);
    }

    [Fact]
    public async Task Server_SslVerifyRequired_WrongCaIs503RightCaForwards()
    {
        using var certificates = await TestCertificates.CreateAsync();
        var backendPem = await certificates.IssueAsync("backend", "/CN=backend.test", ["backend.test"]);
        var otherCa = await certificates.AuthorityAsync("other", "Other CA");
        await using var origin = await TestBackend.StartAsync("origin");
        var tlsPort = FreePort.Next();
        var port = FreePort.Next();
        // The TLS server is this proxy itself terminating TLS in front of the origin: a Kestrel with a test certificate.
        var config = Defaults
            + $"frontend tls\n  bind 127.0.0.1:{tlsPort} ssl crt {backendPem}\n  default_backend origin\nbackend origin\n  server o 127.0.0.1:{origin.Port}\n"
            + $"frontend fe\n  bind 127.0.0.1:{port}\n  use_backend right if {{ path_beg /right }}\n  default_backend wrong\n"
            + $"backend right\n  server s 127.0.0.1:{tlsPort} ssl verify required ca-file {certificates.CaFile}\n"
            + $"backend wrong\n  server s 127.0.0.1:{tlsPort} ssl verify required ca-file {otherCa}\n";
        await using var proxy = await InProcessProxy.StartAsync(config);

        var right = await CurlAsync("-w", " %{http_code}", $"http://127.0.0.1:{port}/right");
        var wrong = await CurlAsync("-o", "/dev/null", "-w", "%{http_code}", $"http://127.0.0.1:{port}/wrong");

        Assert.Equal("origin 200", right.Stdout);
        Assert.Equal("503", wrong.Stdout);
    }

    [Fact]
    public async Task Server_Sni_SendsTheConstantNoneOrHostAndChecksTheNameOnlyWithSni()
    {
        using var certificates = await TestCertificates.CreateAsync();
        var backendPem = await certificates.IssueAsync("backend", "/CN=backend.test", ["backend.test", "alias.test"]);
        await using var alias = await TestBackend.StartAsync("alias");
        await using var none = await TestBackend.StartAsync("none");
        await using var other = await TestBackend.StartAsync("other");
        var (tls1, tls2, port) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        // The TLS servers are this proxy itself, routing on the SNI it was sent.
        var config = Defaults
            + $"frontend tls\n  bind 127.0.0.1:{tls1} ssl crt {backendPem}\n  bind 127.0.0.1:{tls2} ssl crt {backendPem}\n"
            + "  use_backend alias if { ssl_fc_sni -m str alias.test }\n  use_backend none if !{ ssl_fc_sni -m found }\n  default_backend other\n"
            + $"backend alias\n  server o 127.0.0.1:{alias.Port}\nbackend none\n  server o 127.0.0.1:{none.Port}\nbackend other\n  server o 127.0.0.1:{other.Port}\n"
            + $"frontend fe\n  bind 127.0.0.1:{port}\n  use_backend wrongname if {{ path_beg /wrong }}\n  use_backend hostsni if {{ path_beg /host }}\n  default_backend mixed\n"
            // Two servers of one backend with different TLS settings: a constant SNI, and none (haproxy's default).
            + $"backend mixed\n  balance roundrobin\n  server a 127.0.0.1:{tls1} ssl verify required ca-file {certificates.CaFile} sni str(alias.test)\n"
            + $"  server b 127.0.0.1:{tls2} ssl verify required ca-file {certificates.CaFile}\n"
            + $"backend wrongname\n  server w 127.0.0.1:{tls1} ssl verify required ca-file {certificates.CaFile} sni str(wrong.test)\n"
            + $"backend hostsni\n  server h 127.0.0.1:{tls1} ssl verify required ca-file {certificates.CaFile} sni req.hdr(host)\n";
        await using var proxy = await InProcessProxy.StartAsync(config);

        var first = await CurlAsync($"http://127.0.0.1:{port}/");
        var second = await CurlAsync($"http://127.0.0.1:{port}/");
        var wrong = await CurlAsync("-o", "/dev/null", "-w", "%{http_code}", $"http://127.0.0.1:{port}/wrong");

        var hostAlias = await CurlAsync("-H", "Host: alias.test", $"http://127.0.0.1:{port}/host");
        var hostOther = await CurlAsync("-o", "/dev/null", "-w", "%{http_code}", "-H", "Host: other.test", $"http://127.0.0.1:{port}/host");

        Assert.Equal(["alias", "none"], new[] { first.Stdout.Split(' ')[0], second.Stdout.Split(' ')[0] }.Order());
        Assert.Equal("503", wrong.Stdout);
        Assert.Equal("alias", hostAlias.Stdout.Split(' ')[0]);
        Assert.Equal("503", hostOther.Stdout);
    }

    [Fact]
    public async Task Server_CipherStrings_RestrictTheHandshakeToTheServer()
    {
        using var certificates = await TestCertificates.CreateAsync();
        var backendPem = await certificates.IssueAsync("backend", "/CN=backend.test", ["backend.test"]);
        await using var origin = await TestBackend.StartAsync("origin");
        var (tlsPort, port) = (FreePort.Next(), FreePort.Next());
        // The TLS server (this proxy) offers one TLS 1.2 suite; the servers' keyword lists include it or leave it out.
        var config = "global\n  ssl-default-server-ciphers ECDH+AESGCM:!AES256\n" + Defaults
            + $"frontend tls\n  bind 127.0.0.1:{tlsPort} ssl crt {backendPem} ssl-max-ver TLSv1.2 ciphers ECDHE-ECDSA-AES256-GCM-SHA384\n  default_backend origin\n"
            + $"backend origin\n  server o 127.0.0.1:{origin.Port}\n"
            + $"frontend fe\n  bind 127.0.0.1:{port}\n  use_backend own if {{ path_beg /own }}\n  default_backend global\n"
            + $"backend own\n  server s 127.0.0.1:{tlsPort} ssl verify none ciphers ECDH+AES256:!SHA1\n"
            + $"backend global\n  server s 127.0.0.1:{tlsPort} ssl verify none\n";
        await using var proxy = await InProcessProxy.StartAsync(config);

        var own = await CurlAsync("-w", " %{http_code}", $"http://127.0.0.1:{port}/own");
        var global = await CurlAsync("-o", "/dev/null", "-w", "%{http_code}", $"http://127.0.0.1:{port}/global");

        Assert.Equal("origin 200", own.Stdout);
        Assert.Equal("503", global.Stdout);
    }

    [Fact]
    public async Task CephFrontend_ExampleComPem_WorksWithCurlAndOpenSslSClient()
    {
        using var certificates = await TestCertificates.CreateAsync();
        var pem = await certificates.IssueAsync("example.com", "/CN=example.com", ["example.com", "*.example.com"], rsa: true);
        await using var rgw = await TestBackend.StartAsync("rgw");
        var port = FreePort.Next();
        var config = Defaults + $"frontend s3\n  bind 127.0.0.1:{port} ssl crt {pem}\n  default_backend rgw\n"
            + $"backend rgw\n  balance roundrobin\n  server rgw1 127.0.0.1:{rgw.Port}\n";
        await using var proxy = await InProcessProxy.StartAsync(config);

        var curl = await CurlAsync("--cacert", certificates.CaFile, "--resolve", $"bucket.example.com:{port}:127.0.0.1", $"https://bucket.example.com:{port}/bucket/key");
        var sClient = await SClientAsync(port, "example.com", certificates.CaFile,
            "GET /bucket HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n");

        Assert.Equal("rgw", curl.Stdout);
        Assert.Contains("HTTP/1.1 200", sClient);
        Assert.Contains("Verify return code: 0 (ok)", sClient);
        Assert.Matches(new Regex("^rgw$", RegexOptions.Multiline), sClient);
    }

    [Fact]
    public async Task Check_BadCertificateFiles_AlertWithFileLine()
    {
        using var certificates = await TestCertificates.CreateAsync();
        await certificates.IssueAsync("good", "/CN=good.test", ["good.test"]);
        await certificates.IssueAsync("other", "/CN=other.test", ["other.test"]);
        var mismatch = Path.Combine(certificates.Folder, "mismatch.pem");
        await File.WriteAllTextAsync(mismatch, await File.ReadAllTextAsync(certificates.CertificateOf("good")) + await File.ReadAllTextAsync(certificates.KeyOf("other")));
        var noKey = Path.Combine(certificates.Folder, "nokey.pem");
        File.Copy(certificates.CertificateOf("good"), noKey);
        var garbage = Path.Combine(certificates.Folder, "garbage.pem");
        await File.WriteAllTextAsync(garbage, "not a certificate\n");

        foreach (var (file, expected) in new[]
        {
            (mismatch, $"'bind 127.0.0.1:8443' in section 'frontend' : inconsistencies between private key and certificate loaded '{mismatch}'."),
            (noKey, $"'bind 127.0.0.1:8443' in section 'frontend' : No Private Key found in '{noKey}.key'."),
            (garbage, $"'bind 127.0.0.1:8443' in section 'frontend' : unable to load certificate from file '{garbage}'."),
        })
        {
            var config = Path.Combine(certificates.Folder, "check.cfg");
            await File.WriteAllTextAsync(config, Defaults + $"frontend f\n  bind 127.0.0.1:8443 ssl crt {file}\n");
            var (exit, _, stderr) = await ExternalProcess.RunProxyAsync("-c", "-f", config);

            Assert.Equal(1, exit);
            Assert.Contains($"parsing [{config}:7] : {expected}", stderr);
            Assert.DoesNotContain("PRIVATE KEY", stderr);
        }
    }

    private static async Task<string> SubjectAsync(int port, string name)
    {
        var result = await CurlAsync("-v", "-k", "--resolve", $"{name}:{port}:127.0.0.1", $"https://{name}:{port}/");
        Assert.True(result.Exit == 0, result.Stderr);
        var match = Regex.Match(result.Stderr, @"subject: (.*)");
        return match.Groups[1].Value.Trim();
    }

    private static async Task<string> SClientAsync(int port, string name, string caFile, string request, params string[] options)
    {
        // -ign_eof keeps s_client reading until the server closes (the request says Connection: close).
        var script = $"printf '{request.Replace("\r", "\\r").Replace("\n", "\\n")}' | openssl s_client -connect 127.0.0.1:{port} -servername {name} -CAfile {caFile} {string.Join(' ', options)} -ign_eof 2>&1";
        var (_, stdout, _) = await ExternalProcess.RunAsync("bash", ["-c", script]);
        return stdout;
    }
}
