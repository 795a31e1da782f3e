using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ConfigParser.Tls;

/// <summary>
/// One `crt` PEM read from disk: the leaf certificate with its private key and the chain that follows it. The key
/// is taken from the same file or, failing that, from FILE.key (haproxy 2.6 ssl-load-extra-files default "all").
/// Errors come back in haproxy 2.6's wording; no key material ever goes into a message.
/// </summary>
public sealed record CertificateFile(string Path, X509Certificate2 Leaf, X509Certificate2Collection Chain)
{
    // haproxy 2.6 ssl_sock_load_dir: files with these extensions are companions of a certificate, not certificates.
    private static readonly string[] CompanionExtensions = [".key", ".ocsp", ".issuer", ".sctl"];

    /// <summary>The certificate files of a `crt` argument: the file itself, or a directory's files as haproxy 2.6 takes them.</summary>
    public static IEnumerable<string> Expand(string path)
        => !Directory.Exists(path)
            ? [path]
            : Directory.EnumerateFiles(path)
                .Where(f => !System.IO.Path.GetFileName(f).StartsWith('.') && !CompanionExtensions.Any(e => f.EndsWith(e, StringComparison.Ordinal)))
                .Order(StringComparer.Ordinal);

    /// <summary>
    /// Reads a `crt` argument (file or directory) as the parser does, to report haproxy 2.6's error at the bind line;
    /// the runtime reads the files again when it builds the listener. Null when every file loads.
    /// </summary>
    public static string? Check(string path)
    {
        foreach (var file in Expand(path))
        {
            var loaded = Load(file, out var error);
            if (loaded is null)
            {
                return error;
            }

            loaded.Leaf.Dispose();
            foreach (var certificate in loaded.Chain)
            {
                certificate.Dispose();
            }
        }

        return null;
    }

    /// <summary>The loaded file, or null with <paramref name="error"/> as haproxy 2.6 words it.</summary>
    public static CertificateFile? Load(string path, out string? error)
    {
        error = null;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"unable to load certificate from file '{path}'.";
            return null;
        }

        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(text);
        }
        catch (CryptographicException)
        {
            certificates.Clear();
        }

        if (certificates.Count == 0)
        {
            error = $"unable to load certificate from file '{path}'.";
            return null;
        }

        var keyText = text;
        if (!text.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            var keyPath = path + ".key";
            if (!File.Exists(keyPath))
            {
                error = $"No Private Key found in '{keyPath}'.";
                return null;
            }

            keyText = File.ReadAllText(keyPath);
        }

        var leaf = certificates[0];
        if (WithKey(leaf, keyText) is not { } withKey)
        {
            error = $"inconsistencies between private key and certificate loaded '{path}'.";
            return null;
        }

        certificates.RemoveAt(0);
        return new CertificateFile(path, withKey, certificates);
    }

    // The key must be readable and of the certificate's algorithm; CopyWithPrivateKey then refuses a key whose
    // public half differs (haproxy's "inconsistencies" check). The PKCS#12 round trip makes the key usable by SslStream.
    private static X509Certificate2? WithKey(X509Certificate2 leaf, string keyText)
    {
        try
        {
            X509Certificate2 paired;
            if (leaf.GetKeyAlgorithm() == "1.2.840.10045.2.1")
            {
                using var ecdsa = ECDsa.Create();
                ecdsa.ImportFromPem(keyText);
                paired = leaf.CopyWithPrivateKey(ecdsa);
            }
            else
            {
                using var rsa = RSA.Create();
                rsa.ImportFromPem(keyText);
                paired = leaf.CopyWithPrivateKey(rsa);
            }

            using (paired)
            {
                return X509CertificateLoader.LoadPkcs12(paired.Export(X509ContentType.Pkcs12), null);
            }
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The DNS names the certificate answers for: its SAN DNS entries and its CN (haproxy 2.6 indexes both).</summary>
    public IReadOnlyList<string> Names()
    {
        var names = new List<string>();
        foreach (var extension in Leaf.Extensions)
        {
            if (extension is X509SubjectAlternativeNameExtension san)
            {
                names.AddRange(san.EnumerateDnsNames());
            }
        }

        if (Leaf.GetNameInfo(X509NameType.SimpleName, forIssuer: false) is { Length: > 0 } cn)
        {
            names.Add(cn);
        }

        return names;
    }
}
