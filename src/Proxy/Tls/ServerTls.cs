using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using ConfigParser.Diagnostics;
using ConfigParser.Model;
using ConfigParser.Tls;

namespace Proxy.Tls;

/// <summary>
/// `server … ssl [verify none|required] [ca-file F] [sni EXPR] [crt F] [alpn L]` → the client-side TLS options of a
/// backend's connection pool. The pool is per backend, so the TLS servers of one backend must agree on these settings.
/// haproxy 2.6: verify defaults to required unless `ssl-server-verify none`; the certificate's name is checked only
/// when `sni` is set (against the SNI sent); without `sni` HAProxy sends none (.NET sends the Host header's name).
/// </summary>
internal sealed class ServerTls
{
    private readonly X509Certificate2Collection? _authorities;
    private readonly bool _verify;
    private readonly bool _checkName;

    private ServerTls(bool verify, X509Certificate2Collection? authorities, bool checkName)
    {
        _verify = verify;
        _authorities = authorities;
        _checkName = checkName;
    }

    /// <summary>The options for <paramref name="backend"/>'s pool; null when no server uses `ssl` or after an alert.</summary>
    public static SslClientAuthenticationOptions? ForBackend(
        BackendSection backend, GlobalSection global, DiagnosticBag diagnostics, Action<SourceLocation, string, string> unsupported)
    {
        var servers = backend.Servers.Where(s => s.Ssl).ToList();
        if (servers.Count == 0)
        {
            return null;
        }

        var first = servers[0];
        foreach (var other in servers.Skip(1).Where(s => (s.Verify, s.CaFile, s.Sni, s.Alpn, s.Certificate) != (first.Verify, first.CaFile, first.Sni, first.Alpn, first.Certificate)))
        {
            unsupported(other.Location, $"'server {backend.Name}/{other.Name}': TLS settings differing from 'server {backend.Name}/{first.Name}' in the same backend are not run by this proxy yet.", "server");
        }

        // verify without ca-file was refused while parsing (ConfigParser TlsChecks).
        var fatal = diagnostics.FatalCount;
        if (first.Sni is { } sni && sni != "req.hdr(host)" && sni != "hdr(host)")
        {
            unsupported(first.Location, $"'server {backend.Name}/{first.Name}': 'sni {sni}' is not run by this proxy yet (only 'sni req.hdr(host)').", "server");
        }

        if (first.Alpn is { } alpn && alpn.Split(',').Any(p => p != "http/1.1"))
        {
            unsupported(first.Location, $"'server {backend.Name}/{first.Name}': 'alpn {alpn}' is not run by this proxy yet (servers are spoken to in HTTP/1.1).", "server");
        }

        var authorities = LoadAuthorities(first, backend.Name, diagnostics);
        string? error = null;
        var client = first.Certificate is { } crt ? CertificateFile.Load(crt, out error) : null;
        if (first.Certificate is not null && client is null)
        {
            diagnostics.Alert(first.Location, $"'server {backend.Name}/{first.Name}' : {error}", "server", LocationPrefix.Bracket);
        }

        if (diagnostics.FatalCount > fatal)
        {
            return null;
        }

        var firstVerify = first.Verify ?? (global.SslDefaults.GetValueOrDefault("ssl-server-verify") == "none" ? "none" : "required");
        var tls = new ServerTls(firstVerify == "required", authorities, checkName: first.Sni is not null);
        return new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = tls.Validate,
            ClientCertificates = client is null ? null : [client.Leaf, .. client.Chain],
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        };
    }

    private static X509Certificate2Collection? LoadAuthorities(ServerDefinition server, string backend, DiagnosticBag diagnostics)
    {
        if (server.CaFile is null or "@system-ca")
        {
            return null;
        }

        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(server.CaFile);
            return authorities;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            diagnostics.Alert(server.Location, $"'server {backend}/{server.Name}' : 'ca-file' : unable to load {server.CaFile}", "server", LocationPrefix.Bracket);
            return null;
        }
    }

    /// <summary>The server certificate check: the chain ends at the CA file (or the system store), the name only with `sni`.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (!_verify)
        {
            return true;
        }

        if (certificate is null || (_checkName && errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)))
        {
            return false;
        }

        if (_authorities is null)
        {
            return (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            custom.ChainPolicy.ExtraStore.AddRange(chain.ChainPolicy.ExtraStore);
        }

        return custom.Build(certificate as X509Certificate2 ?? new X509Certificate2(certificate));
    }
}
