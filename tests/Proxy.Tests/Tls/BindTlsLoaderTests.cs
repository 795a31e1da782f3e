using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ConfigParser;
using ConfigParser.Diagnostics;
using ConfigParser.Model;
using Proxy.Tls;

namespace Proxy.Tests.Tls;

public sealed class BindTlsLoaderTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("bindtls-test-");

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private string Certificate(string name, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(notAfter.AddDays(-30), notAfter);
        var path = Path.Combine(_folder.FullName, name + ".pem");
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem() + "\n");
        return path;
    }

    private static HaproxyConfig Parse(string global, string bindOptions)
    {
        var text = $"global\n{global}\ndefaults\n mode http\n timeout client 1s\n timeout server 1s\n timeout connect 1s\nfrontend fe\n bind 127.0.0.1:8443 {bindOptions}\n";
        var parsed = HaproxyConfigLoader.Parse([new ConfigSource("t.cfg", text)]);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Diagnostics.Select(d => d.Text)));
        return parsed.Config!;
    }

    private static (BindTls? Tls, DiagnosticBag Diagnostics) Load(HaproxyConfig config, DateTimeOffset now)
    {
        var diagnostics = new DiagnosticBag();
        var bind = config.Frontends[0].Binds[0];
        return (BindTlsLoader.Load(bind, "frontend", "fe", config.Global, diagnostics, new FixedTime(now)), diagnostics);
    }

    [Fact]
    public void Load_ExpiredCertificate_IsAWarningNotAnError()
    {
        var expiry = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var config = Parse("", $"ssl crt {Certificate("old.test", expiry)}");

        var (tls, diagnostics) = Load(config, expiry.AddDays(1));

        Assert.NotNull(tls);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("has expired", warning.Message);
    }

    [Fact]
    public void Load_ValidCertificate_NoDiagnosticAndHttp1WithoutAlpn()
    {
        var expiry = DateTimeOffset.UtcNow.AddDays(10);
        var config = Parse("", $"ssl crt {Certificate("new.test", expiry)}");

        var (tls, diagnostics) = Load(config, DateTimeOffset.UtcNow);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http1, tls!.Protocols);
        Assert.Empty(tls.Select("new.test").ApplicationProtocols!);
    }

    [Fact]
    public void Load_GlobalCipherStringLibSslRefuses_IsRefusedNamingTheBindLine()
    {
        // Red Hat's OpenSSL keyword; Debian 12's haproxy -c gives this very alert for it.
        var config = Parse(" ssl-default-bind-ciphers PROFILE=SYSTEM", $"ssl crt {Certificate("c.test", DateTimeOffset.UtcNow.AddDays(10))}");

        var (tls, diagnostics) = Load(config, DateTimeOffset.UtcNow);

        Assert.Null(tls);
        Assert.Equal("Proxy 'fe': unable to set SSL cipher list to 'PROFILE=SYSTEM' for bind '127.0.0.1:8443' at [t.cfg:9].\nProxy 'fe': unable to set SSL cipher list to 'PROFILE=SYSTEM' for bind '127.0.0.1:8443' at [t.cfg:9].",
            Assert.Single(diagnostics.Items).Message);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Load_GlobalCipherKeywords_AreExpandedByLibSsl()
    {
        var config = Parse(" ssl-default-bind-ciphers ECDH+AESGCM:ECDH+CHACHA20:ECDH+AES256:ECDH+AES128:!aNULL:!SHA1:!AESCCM",
            $"ssl crt {Certificate("k.test", DateTimeOffset.UtcNow.AddDays(10))}");

        var (tls, diagnostics) = Load(config, DateTimeOffset.UtcNow);

        Assert.Empty(diagnostics.Items);
        var allowed = tls!.Select(null).CipherSuitesPolicy!.AllowedCipherSuites!.ToList();
        Assert.Contains(System.Net.Security.TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, allowed);
        Assert.DoesNotContain(System.Net.Security.TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, allowed);
    }

    [Fact]
    public void Load_GlobalMinVersion_AppliesToTheBind()
    {
        var config = Parse(" ssl-default-bind-options ssl-min-ver TLSv1.3", $"ssl crt {Certificate("v.test", DateTimeOffset.UtcNow.AddDays(10))}");

        var (tls, _) = Load(config, DateTimeOffset.UtcNow);

        Assert.Equal(System.Security.Authentication.SslProtocols.Tls13, tls!.Select(null).EnabledSslProtocols);
    }

    [Fact]
    public void Load_IgnoredTlsOption_IsWarned()
    {
        var config = Parse("", $"ssl crt {Certificate("w.test", DateTimeOffset.UtcNow.AddDays(10))} no-tls-tickets");

        var (_, diagnostics) = Load(config, DateTimeOffset.UtcNow);

        Assert.Contains("'no-tls-tickets' is not applied", Assert.Single(diagnostics.Items).Message);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
