using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>
/// Certificates made by `openssl` at test time in a temp folder: a CA, server certificates (ECDSA P-256 or RSA 2048)
/// with a CN and SANs signed by it, client certificates, and a second unrelated CA.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    private readonly TempDirectory _directory = new();

    public string Folder => _directory.Path;

    /// <summary>The CA's certificate file (what `ca-file` names).</summary>
    public string CaFile => Path.Combine(Folder, "ca.crt");

    public static async Task<TestCertificates> CreateAsync()
    {
        var certificates = new TestCertificates();
        await certificates.AuthorityAsync("ca", "Test CA");
        return certificates;
    }

    /// <summary>Creates a self-signed CA named <paramref name="name"/>; returns its certificate's path.</summary>
    public async Task<string> AuthorityAsync(string name, string commonName)
    {
        await OpenSslAsync("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", Path.Combine(Folder, name + ".key"),
            "-out", Path.Combine(Folder, name + ".crt"), "-subj", "/CN=" + commonName, "-days", "2");
        return Path.Combine(Folder, name + ".crt");
    }

    /// <summary>
    /// A certificate signed by <paramref name="authority"/>; returns the PEM holding certificate then key, or, with
    /// <paramref name="separateKey"/>, the certificate alone with the key in FILE.key.
    /// </summary>
    public async Task<string> IssueAsync(string name, string subject, string[] dnsNames, bool rsa = false, string authority = "ca",
        bool separateKey = false, bool client = false)
    {
        var key = Path.Combine(Folder, name + ".keyfile");
        var csr = Path.Combine(Folder, name + ".csr");
        var crt = Path.Combine(Folder, name + ".crtfile");
        var ext = Path.Combine(Folder, name + ".ext");
        string[] keyArgs = rsa ? ["-newkey", "rsa:2048"] : ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"];
        await OpenSslAsync(["req", .. keyArgs, "-nodes", "-keyout", key, "-out", csr, "-subj", subject]);
        await File.WriteAllTextAsync(ext, client
            ? "extendedKeyUsage=clientAuth\n"
            : $"subjectAltName={string.Join(',', dnsNames.Select(n => "DNS:" + n))}\nextendedKeyUsage=serverAuth\n");
        await OpenSslAsync("x509", "-req", "-in", csr, "-CA", Path.Combine(Folder, authority + ".crt"), "-CAkey", Path.Combine(Folder, authority + ".key"),
            "-CAcreateserial", "-out", crt, "-days", "2", "-extfile", ext);
        var pem = Path.Combine(Folder, name + ".pem");
        if (separateKey)
        {
            File.Copy(crt, pem);
            File.Copy(key, pem + ".key");
        }
        else
        {
            await File.WriteAllTextAsync(pem, await File.ReadAllTextAsync(crt) + await File.ReadAllTextAsync(key));
        }

        return pem;
    }

    /// <summary>The certificate part of an issued name (for curl's --cert with --key).</summary>
    public string CertificateOf(string name) => Path.Combine(Folder, name + ".crtfile");

    /// <summary>The key part of an issued name.</summary>
    public string KeyOf(string name) => Path.Combine(Folder, name + ".keyfile");

    private static async Task OpenSslAsync(params string[] arguments)
    {
        var (exit, _, stderr) = await ExternalProcess.RunAsync("openssl", arguments);
        Assert.True(exit == 0, "openssl " + string.Join(' ', arguments) + ": " + stderr);
    }

    public void Dispose() => _directory.Dispose();
}
