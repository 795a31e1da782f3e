using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>`-c` on bad `crt` files and TLS server settings: the same verdict and lines as haproxy 2.6.</summary>
public partial class HaproxyParityTests
{
    public static TheoryData<string, string> BadTlsFiles() => new()
    {
        { "mismatch", "bind 127.0.0.1:8443 ssl crt mismatch.pem" },
        { "nokey", "bind 127.0.0.1:8443 ssl crt nokey.pem" },
        { "garbage", "bind 127.0.0.1:8443 ssl crt garbage.pem" },
        { "missing", "bind 127.0.0.1:8443 ssl crt nothere.pem" },
        { "server-no-ca", "bind 127.0.0.1:8443 ssl crt good.pem\n  default_backend b\nbackend b\n  server s1 127.0.0.1:1 ssl\n  server s2 127.0.0.1:2 ssl verify required" },
        { "server-verify-none", "bind 127.0.0.1:8443 ssl crt good.pem\n  default_backend b\nbackend b\n  server s1 127.0.0.1:1 ssl verify none" },
        { "directory", "bind 127.0.0.1:8443 ssl crt certs" },
        { "crt-list-bad", "bind 127.0.0.1:8443 ssl crt-list bad.list" },
        { "crt-list-missing", "bind 127.0.0.1:8443 ssl crt-list missing.list" },
        { "crt-list-good", "bind 127.0.0.1:8443 ssl crt-list good.list" },
        { "ciphers-keywords", "bind 127.0.0.1:8443 ssl crt good.pem ciphers ECDH+AESGCM:ECDH+CHACHA20:ECDH+AES256:ECDH+AES128:!aNULL:!SHA1:!AESCCM" },
        { "ciphers-high", "bind 127.0.0.1:8443 ssl crt good.pem ciphers HIGH:!aNULL:!MD5:@STRENGTH ciphersuites TLS_AES_128_GCM_SHA256" },
        { "ciphers-profile-system", "bind 127.0.0.1:8443 ssl crt good.pem ciphers PROFILE=SYSTEM" },
        { "ciphers-no-match", "bind 127.0.0.1:8443 ssl crt good.pem ciphers !ALL" },
        { "ciphersuites-bad", "bind 127.0.0.1:8443 ssl crt good.pem ciphersuites TLS_BOGUS" },
        { "server-ciphers", "bind 127.0.0.1:8443\n  default_backend b\nbackend b\n  server s 127.0.0.1:1 ssl verify none ciphers PROFILE=SYSTEM\n"
            + "  server t 127.0.0.1:2 ssl verify none ciphers BOGUS ciphersuites ALSOBAD\n  server u 127.0.0.1:3 ssl verify none ciphers ECDH+AESGCM:!SHA1 ciphersuites TLS_AES_128_GCM_SHA256" },
        { "good", "bind 127.0.0.1:8443 ssl crt good.pem\n  bind 127.0.0.1:8444 ssl crt split.pem alpn h2,http/1.1 ssl-min-ver TLSv1.2" },
    };

    [RequiresHaproxyTheory]
    [MemberData(nameof(BadTlsFiles))]
    public async Task Check_TlsFiles_SameExitCodeAndSameLinesAsHaproxy(string name, string lines)
    {
        using var certificates = await TestCertificates.CreateAsync();
        await certificates.IssueAsync("good", "/CN=good.test", ["good.test"]);
        await certificates.IssueAsync("split", "/CN=split.test", ["split.test"], rsa: true, separateKey: true);
        await certificates.IssueAsync("other", "/CN=other.test", ["other.test"]);
        var folder = certificates.Folder;
        await File.WriteAllTextAsync(Path.Combine(folder, "mismatch.pem"),
            await File.ReadAllTextAsync(certificates.CertificateOf("good")) + await File.ReadAllTextAsync(certificates.KeyOf("other")));
        File.Copy(certificates.CertificateOf("good"), Path.Combine(folder, "nokey.pem"));
        await File.WriteAllTextAsync(Path.Combine(folder, "garbage.pem"), "not a certificate\n");
        var directory = Directory.CreateDirectory(Path.Combine(folder, "certs")).FullName;
        File.Copy(Path.Combine(folder, "split.pem"), Path.Combine(directory, "split.pem"));
        File.Copy(Path.Combine(folder, "split.pem.key"), Path.Combine(directory, "split.pem.key"));
        File.Copy(Path.Combine(folder, "good.pem"), Path.Combine(directory, "good.pem"));
        await File.WriteAllTextAsync(Path.Combine(folder, "bad.list"), "good.pem\nmismatch.pem\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "missing.list"), "nothere.pem\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "good.list"), "# names\ngood.pem good.test !bad.test\nsplit.pem\n");
        var file = name + ".cfg";
        await File.WriteAllTextAsync(Path.Combine(folder, file),
            $"defaults\n  mode http\n  timeout client 1s\n  timeout server 1s\n  timeout connect 1s\nfrontend f\n  {lines}\n");

        var haproxy = await ExternalProcess.RunAsync(Haproxy.Require(), ["-c", "-f", file], folder);
        var proxy = await ExternalProcess.RunAsync("dotnet", [RepoPaths.ProxyDll, "-c", "-f", file], folder);

        Assert.Equal(haproxy.ExitCode, proxy.ExitCode);
        Assert.Equal(haproxy.Stdout, proxy.Stdout);
        Assert.Equal(Normalise(haproxy.Stderr), Normalise(proxy.Stderr));
        Assert.DoesNotContain("PRIVATE KEY", proxy.Stderr);
    }
}
