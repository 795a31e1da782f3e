using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ConfigParser.Tls;

namespace ConfigParser.Tests.Tls;

public sealed class CertificateFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crt-test-");

    private (string Certificate, string Key) Make(string cn, string[] dnsNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={cn}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames)
        {
            san.AddDnsName(name);
        }

        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return (certificate.ExportCertificatePem() + "\n", key.ExportPkcs8PrivateKeyPem() + "\n");
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Load_CertificateAndKeyInOneFile_GivesSanAndCnNames()
    {
        var (certificate, key) = Make("main.test", ["a.test", "*.b.test"]);

        var loaded = CertificateFile.Load(Write("one.pem", certificate + key), out var error);

        Assert.Null(error);
        Assert.True(loaded!.Leaf.HasPrivateKey);
        Assert.Equal(["a.test", "*.b.test", "main.test"], loaded.Names());
    }

    [Fact]
    public void Load_KeyInDotKeyFile_IsFound()
    {
        var (certificate, key) = Make("split.test", []);
        var path = Write("split.pem", certificate);
        Write("split.pem.key", key);

        Assert.NotNull(CertificateFile.Load(path, out _));
    }

    [Fact]
    public void Load_KeyOfAnotherCertificate_IsHaproxysInconsistency()
    {
        var (certificate, _) = Make("one.test", []);
        var (_, otherKey) = Make("two.test", []);
        var path = Write("mismatch.pem", certificate + otherKey);

        Assert.Null(CertificateFile.Load(path, out var error));
        Assert.Equal($"inconsistencies between private key and certificate loaded '{path}'.", error);
        Assert.DoesNotContain("PRIVATE", error);
    }

    [Fact]
    public void Load_NoKeyAnywhere_NamesTheKeyFile()
    {
        var (certificate, _) = Make("one.test", []);
        var path = Write("nokey.pem", certificate);

        Assert.Null(CertificateFile.Load(path, out var error));
        Assert.Equal($"No Private Key found in '{path}.key'.", error);
    }

    [Fact]
    public void Expand_Directory_SkipsCompanionFilesInNameOrder()
    {
        foreach (var name in new[] { "b.pem", "a.pem", "a.pem.key", "a.pem.ocsp", "a.issuer", "a.sctl", ".hidden" })
        {
            Write(name, "");
        }

        Assert.Equal(["a.pem", "b.pem"], CertificateFile.Expand(_folder.FullName).Select(Path.GetFileName));
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
